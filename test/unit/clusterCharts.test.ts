import { describe, expect, it } from 'vitest';
import {
  buildClusterMapChart,
  buildClusterScanChart,
  buildClusterTierChart,
  buildClusterTraitsChart,
  clusterColor,
  clusterName,
  clusterTierChartHeight,
  clusterTraitsChartHeight,
  SCAN_COLORS,
  signedZ,
  tierColor,
  tierNamesIn,
  TRAIT_COLORS,
} from '../../src/shared/charts';
import type { ClusterProfile, ClusterRunReport, ClusterScanRow } from '../../src/shared/clusters';
import { featureLabel } from '../../src/shared/featureNames';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

const profile = (cluster: number, size: number, ko: string, en: string, traits: { feature: string; z: number }[] = []): ClusterProfile => ({
  cluster,
  size,
  share: size / 1000,
  name: { ko, en },
  traits: traits.map((t) => ({ ...t, mean: 0.5 + t.z / 10, overall: 0.5 })),
  means: [],
});

const profiles = [
  profile(0, 500, '주말 온라인 쇼핑', 'Weekend online shoppers', [
    { feature: 'weekend_share', z: 1.84 },
    { feature: 'online_share', z: 1.2 },
    { feature: 'morning_share', z: -0.93 },
    { feature: 'cat_share_신선식품', z: -0.4 },
    { feature: 'share_lines_a01', z: 0.31 },
  ]),
  profile(1, 300, '평일 오전 신선식품', 'Weekday morning fresh food'),
  profile(2, 200, '백화점 큰손', 'Department-store big spenders'),
];

const scan: ClusterScanRow[] = [
  { k: 4, inertia: 5200, silhouette: 0.29 },
  { k: 2, inertia: 9100.5, silhouette: 0.31 },
  { k: 3, inertia: 6400, silhouette: 0.35 },
  { k: 5, inertia: 4700, silhouette: null },
];

describe('feature names of the clusters', () => {
  it('category groups keep their own name (no upper-casing), a default group in English by its English name; lines per receipt in both languages', () => {
    expect(featureLabel('cat_share_신선식품', 'ko')).toBe('신선식품 구매 비중');
    expect(featureLabel('cat_share_신선식품', 'en')).toBe('Share of Fresh food');
    // A mapped file's own group: as it is, in either language.
    expect(featureLabel('cat_share_간식류', 'en')).toBe('Share of 간식류');
    expect(featureLabel('cat_share_snacks', 'ko')).toBe('snacks 구매 비중');
    expect(featureLabel('basket_lines', 'ko')).toBe('영수증당 구매 라인 수');
    expect(featureLabel('basket_lines', 'en')).toBe('Lines per receipt');
    expect(featureLabel('afternoon_share', 'ko')).toBe('오후 구매 비중');
    // The per-chain patterns are unchanged.
    expect(featureLabel('share_lines_a01', 'ko')).toBe('A01 백화점 구매 라인 비중');
  });
});

describe('cluster names and colours', () => {
  it('the profile name in the UI language; a cluster without a profile is numbered from 1; colours repeat past the palette', () => {
    expect(clusterName(profiles, 1, 'ko')).toBe('평일 오전 신선식품');
    expect(clusterName(profiles, 1, 'en')).toBe('Weekday morning fresh food');
    expect(clusterName(profiles, 6, 'ko')).toBe('군집 7');
    expect(clusterName(profiles, 6, 'en')).toBe('Cluster 7');
    expect(clusterColor(0)).not.toBe(clusterColor(1));
    expect(clusterColor(12)).toBe(clusterColor(0));
    expect(signedZ(1.84)).toBe('+1.8');
    expect(signedZ(-0.93)).toBe('−0.9');
    expect(signedZ(0.01)).toBe('±0.0');
  });
});

describe('k scan chart', () => {
  it('inertia on the left axis, silhouette on the right, by k ascending; pins on the silhouette pick and the elbow, a line at the k used', () => {
    const c = o(buildClusterScanChart(scan, { suggestedK: 3, elbowK: 4, chosenK: 3 }, 'ko'));
    expect(c.title.text).toBe('군집 수(k) 고르기');
    expect(c.title.subtext).toBe('실루엣이 가장 높은 k = 3 · 엘보(제곱합이 꺾이는 곳) k = 4 · 사용한 k = 3');
    expect(c.series.map((s: any) => s.name)).toEqual(['군집 내 제곱합(엘보)', '평균 실루엣']);
    expect(c.series[0].data).toEqual([
      [2, 9100.5],
      [3, 6400],
      [4, 5200],
      [5, 4700],
    ]);
    expect(c.series[1].yAxisIndex).toBe(1);
    // An undefined silhouette is a gap, not a zero.
    expect(c.series[1].data).toEqual([
      [2, 0.31],
      [3, 0.35],
      [4, 0.29],
      [5, null],
    ]);
    expect(c.series[1].markPoint.data.map((d: any) => [d.name, d.coord])).toEqual([['추천', [3, 0.35]]]);
    expect(c.series[0].markPoint.data.map((d: any) => [d.name, d.coord])).toEqual([['엘보', [4, 5200]]]);
    expect(c.series[0].markPoint.label.formatter({ name: '엘보' })).toBe('엘보');
    expect(c.series[0].markLine.data).toEqual([{ xAxis: 3 }]);
    expect(c.xAxis).toMatchObject({ name: '군집 수 k', min: 2, max: 5, interval: 1 });
    expect(c.yAxis.map((a: any) => a.name)).toEqual(['군집 내 제곱합(엘보)', '평균 실루엣']);
    expect(c.series[0].itemStyle.color).toBe(SCAN_COLORS.inertia);
    expect(c.series[1].itemStyle.color).toBe(SCAN_COLORS.silhouette);
    expect(c.legend.show).toBe(true);
  });

  it('English; a pick outside the scan (or without a silhouette) gets no pin', () => {
    const same = o(buildClusterScanChart(scan, { suggestedK: 3, elbowK: 3, chosenK: 3 }, 'en'));
    expect(same.series[1].markPoint.data.map((d: any) => [d.name, d.coord])).toEqual([['pick', [3, 0.35]]]);
    expect(same.series[0].markPoint.data.map((d: any) => [d.name, d.coord])).toEqual([['elbow', [3, 6400]]]);
    expect(same.title.text).toBe('Choosing the number of clusters (k)');
    expect(same.title.subtext).toBe('Best silhouette at k = 3 · elbow (where the inertia bends) at k = 3 · k used: 3');
    expect(same.series[1].name).toBe('Mean silhouette');
    const none = o(buildClusterScanChart(scan, { suggestedK: 5, elbowK: 9, chosenK: 9 }, 'ko'));
    expect(none.series[0].markPoint.data).toEqual([]);
    expect(none.series[1].markPoint.data).toEqual([]);
    expect(none.series[0].markLine.data).toEqual([]);
    expect(o(buildClusterScanChart(scan, { suggestedK: null, elbowK: null, chosenK: 2 }, 'ko')).title.subtext).toContain('실루엣이 가장 높은 k = –');
  });

  it('k fixed (no scan): the frame says so, without series or axes', () => {
    const ko = o(buildClusterScanChart([], { suggestedK: null, elbowK: null, chosenK: 4 }, 'ko'));
    expect(ko.series).toEqual([]);
    expect(ko.graphic.style.text).toBe('k를 4(으)로 고정해 k 탐색을 하지 않았습니다');
    expect(ko.title.text).toBe('군집 수(k) 고르기');
    expect(ko.xAxis.show).toBe(false);
    const en = o(buildClusterScanChart([], { suggestedK: null, elbowK: null, chosenK: 4 }, 'en'));
    expect(en.graphic.style.text).toBe('k was fixed at 4: no scan over k');
  });
});

const map: ClusterRunReport['map'] = {
  x: [0.1, -1.2, 2.5, 0.7, -0.3],
  y: [1, 0.4, -2, 0.2, 0.9],
  cluster: [0, 1, 0, 2, 1],
  explained: [0.2345, 0.118],
};

describe('cluster map', () => {
  it('one series per cluster named by its profile, in its colour; axes name the components and their share of the variance', () => {
    const c = o(buildClusterMapChart(map, profiles, 'ko'));
    expect(c.series.map((s: any) => s.name)).toEqual(['주말 온라인 쇼핑', '평일 오전 신선식품', '백화점 큰손']);
    expect(c.series.every((s: any) => s.type === 'scatter')).toBe(true);
    expect(c.series[0].data).toEqual([
      [0.1, 1],
      [2.5, -2],
    ]);
    expect(c.series[1].data).toEqual([
      [-1.2, 0.4],
      [-0.3, 0.9],
    ]);
    expect(c.series[2].data).toEqual([[0.7, 0.2]]);
    expect(c.series[1].itemStyle.color).toBe(clusterColor(1));
    expect(c.xAxis.name).toBe('PC1 (23.5%)');
    expect(c.yAxis.name).toBe('PC2 (11.8%)');
    expect(c.title.text).toBe('고객 군집 지도(주성분 2개)');
    expect(c.title.subtext).toBe('고객 5명 표시(군집 고객 1,000명 중 시드 고정 표본) · 축 괄호: 설명된 분산 비율');
    expect(c.legend.show).toBe(true);
  });

  it('in English; a cluster on the map without a profile is numbered; no points: the frame says so', () => {
    const c = o(buildClusterMapChart({ ...map, cluster: [0, 1, 0, 3, 1] }, profiles, 'en'));
    expect(c.series.map((s: any) => s.name)).toEqual(['Weekend online shoppers', 'Weekday morning fresh food', 'Department-store big spenders', 'Cluster 4']);
    expect(c.series[2].data).toEqual([]);
    expect(c.series[3].data).toEqual([[0.7, 0.2]]);
    expect(c.title.subtext).toContain('5 of the 1,000 clustered customers drawn');
    const empty = o(buildClusterMapChart({ x: [], y: [], cluster: [], explained: [0, 0] }, profiles, 'ko'));
    expect(empty.series).toEqual([]);
    expect(empty.graphic.style.text).toBe('지도에 그릴 고객이 없습니다');
    expect(o(buildClusterMapChart({ x: [], y: [], cluster: [], explained: [0, 0] }, [], 'en')).graphic.style.text).toBe('No customers to map');
  });
});

describe('clusters × tiers', () => {
  const tierCross = {
    tiers: ['최우수', '우수', '일반'],
    counts: [
      [50, 150, 300],
      [200, 60, 40],
      [0, 0, 0],
    ],
  };

  it('rows the clusters by name, columns the tiers; cells hold customers and the share of the cluster, coloured by the share', () => {
    const c = o(buildClusterTierChart(tierCross, profiles, 'ko'));
    expect(c.title.text).toBe('군집 × RFM 등급');
    expect(c.title.subtext).toBe('칸: 고객 수 · 색: 군집(행) 안의 비중');
    expect(c.yAxis.data).toEqual(['주말 온라인 쇼핑', '평일 오전 신선식품', '백화점 큰손']);
    expect(c.xAxis.data).toEqual(['최우수', '우수', '일반']);
    expect(c.xAxis.name).toBe('RFM 등급');
    expect(c.yAxis.name).toBe('군집');
    const cell = (col: number, row: number) => c.series[0].data.find((d: any) => d.value[0] === col && d.value[1] === row).value;
    expect(cell(2, 0)).toEqual([2, 0, 60, 300]);
    expect(cell(0, 1)[2]).toBeCloseTo(66.667, 2);
    // A cluster without customers in any tier: zero shares, not NaN.
    expect(cell(1, 2)).toEqual([1, 2, 0, 0]);
    expect(c.visualMap.dimension).toBe(2);
    expect(c.visualMap.max).toBe(70);
    // The chips: tier colours on the columns, cluster colours on the rows.
    expect(c.xAxis.axisLabel.rich.s0.backgroundColor).toBe(tierColor(0));
    expect(c.yAxis.axisLabel.rich.s1.backgroundColor).toBe(clusterColor(1));
    expect(c.series[0].label.formatter({ value: [2, 0, 60, 300] })).toBe('300\n60%');
    expect(clusterTierChartHeight(12)).toBeGreaterThan(clusterTierChartHeight(4));
  });

  it('in English, the default tier names translated (an analyst\'s own stay); no customers at all: the frame says so', () => {
    const c = o(buildClusterTierChart({ ...tierCross, tiers: ['최우수', '우수', '일반', '기타'], counts: tierCross.counts.map((r) => [...r, 1]) }, profiles, 'en'));
    expect(c.title.text).toBe('Clusters × RFM tiers');
    expect(c.xAxis.name).toBe('RFM tier');
    expect(c.xAxis.data).toEqual(['Best', 'Good', 'Regular', 'Other']);
    expect(c.yAxis.data[0]).toBe('Weekend online shoppers');
    expect(tierNamesIn(['등급 1', '등급 2', 'VIP'], 'en')).toEqual(['Tier 1', 'Tier 2', 'VIP']);
    expect(tierNamesIn(['최우수', '우수', '일반'], 'en')).toEqual(['최우수', '우수', '일반']);
    expect(tierNamesIn(['최우수', '우수', '일반', '기타'], 'ko')).toEqual(['최우수', '우수', '일반', '기타']);
    const empty = o(buildClusterTierChart({ tiers: [], counts: [] }, profiles, 'ko'));
    expect(empty.series).toEqual([]);
    expect(empty.graphic.style.text).toBe('표시할 데이터가 없습니다');
    expect(o(buildClusterTierChart({ tiers: ['A'], counts: [[0]] }, profiles, 'en')).graphic.style.text).toBe('No data to show');
  });
});

describe('a cluster\'s traits', () => {
  const features = ['weekend_share', 'online_share', 'morning_share', 'cat_share_신선식품', 'share_lines_a01', 'receipts', 'basket_lines'];

  it('bars of z, largest |z| first, named in Korean; above the average blue, below orange; signed labels', () => {
    const c = o(buildClusterTraitsChart(profiles[0], features, 'ko'));
    expect(c.title.text).toBe('주말 온라인 쇼핑의 특징');
    expect(c.title.subtext).toBe('특성 7개 중 차이가 큰 5개 · 파랑: 평균보다 높음, 주황: 낮음');
    expect(c.yAxis.data).toEqual(['주말 구매 비중', '온라인 비중', '오전 구매 비중', '신선식품 구매 비중', 'A01 백화점 구매 라인 비중']);
    expect(o(buildClusterTraitsChart(profiles[0], features, 'en')).yAxis.data).toEqual(['Weekend share', 'Online share', 'Morning share', 'Share of Fresh food', 'A01 Department store: share of lines']);
    expect(c.series[0].data.map((d: any) => d.value)).toEqual([1.84, 1.2, -0.93, -0.4, 0.31]);
    expect(c.series[0].data.map((d: any) => d.itemStyle.color)).toEqual([TRAIT_COLORS.above, TRAIT_COLORS.above, TRAIT_COLORS.below, TRAIT_COLORS.below, TRAIT_COLORS.above]);
    expect(c.series[0].data[2].label.position).toBe('left');
    expect(c.series[0].label.formatter({ value: -0.93 })).toBe('−0.9');
    // Room past the longest bar on both sides (there are negative traits).
    expect(c.xAxis.min).toBe(-2.5);
    expect(c.xAxis.max).toBe(2.5);
    expect(c.xAxis.name).toBe('전체 평균과의 차이(표준편차)');
    expect(clusterTraitsChartHeight(5)).toBeGreaterThan(clusterTraitsChartHeight(1));
  });

  it('traits out of order are sorted by |z|; only positive ones start the axis at 0; English', () => {
    const p = profile(1, 300, '평일', 'Weekday', [
      { feature: 'receipts', z: 0.6 },
      { feature: 'basket_lines', z: 2.1 },
    ]);
    const c = o(buildClusterTraitsChart(p, features, 'en'));
    expect(c.title.text).toBe('What sets Weekday apart');
    expect(c.yAxis.data).toEqual(['Lines per receipt', 'Receipts']);
    expect(c.xAxis.min).toBe(0);
    expect(c.xAxis.max).toBe(3);
    expect(c.title.subtext).toBe('The 2 of 7 features that differ most · blue: above average, orange: below');
  });

  it('a cluster without traits: the frame says so', () => {
    const ko = o(buildClusterTraitsChart(profiles[1], features, 'ko'));
    expect(ko.series).toEqual([]);
    expect(ko.graphic.style.text).toBe('이 군집을 가르는 특징이 없습니다');
    expect(ko.title.text).toBe('평일 오전 신선식품의 특징');
    expect(o(buildClusterTraitsChart(profiles[1], features, 'en')).graphic.style.text).toBe('No trait sets this cluster apart');
  });
});
