import { describe, expect, it } from 'vitest';
import { chainScope, clusterChoice, clusteringOf, clusterScope, latestClustering, partKind, partRows, skippedParts } from '../../src/renderer/src/features/recommend/parts';
import { DEFAULT_SETTINGS, OWN_CHAIN, PER_CHAIN, PER_CLUSTER, trainArgs } from '../../src/renderer/src/features/recommend/settings';
import type { RecommendChainReport, RecommendModelName, RecommendModelResult, RecommendRunReport } from '../../src/shared/recommend';
import type { RunInfo } from '../../src/shared/runs';

const result = (model: RecommendModelName, hr10: number, users: number, recall: number): RecommendModelResult => ({
  model,
  seconds: 1,
  sampled: { negatives: 49, users, skipped: 0, hr: Array.from({ length: 10 }, (_, i) => (hr10 * (i + 1)) / 10), ndcg: Array(10).fill(0.1) },
  timeSplit: { k: 10, users, recall, precision: 0, ndcg: 0, coverage: 0, topShare: 0 },
});

const part = (chain: string, customers: number, models: RecommendChainReport['models'], best: RecommendModelName, cluster?: { id: number; name: string }): RecommendChainReport => ({
  chain,
  ...(cluster ? { cluster } : {}),
  data: { customers, products: 10, pairs: 100 },
  models,
  best,
});

const base: RecommendRunReport = {
  run: { id: 'rec-1', seconds: 3, seed: 42 },
  window: { from: '2021-01-01', to: '2021-12-31' },
  cutoff: '2021-10-01',
  chain: null,
  chainMode: 'pooled',
  data: { customers: 300, products: 50, pairs: 1000 },
  rules: { newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [] },
  k: 10,
  models: { popularity: result('popularity', 0.5, 300, 0.05), itemknn: result('itemknn', 0.6, 300, 0.06) },
  best: 'itemknn',
  saved: { customers: 300, rows: 6000 },
};

const clusterRun = (runId: string, status: RunInfo['status'], names: string[]): RunInfo => ({
  runId,
  kind: 'clusters',
  status,
  settings: {},
  seed: 42,
  dataFingerprint: 'x',
  backend: null,
  startedAt: '2024-05-01T10:00:00',
  finishedAt: null,
  seconds: 1,
  metrics: status === 'done' ? { profiles: names.map((n, i) => ({ cluster: i, size: 100 + i, share: 0.3, name: { ko: n, en: `${n}-en` }, traits: [], means: [] })) } : null,
  artifacts: [],
  resultTables: [],
  error: null,
});

describe('the per-part table of a recommendation run', () => {
  it('a per-cluster run: a row per cluster, named by it, with its customers and each model in the run order, its best starred', () => {
    const report: RecommendRunReport = {
      ...base,
      clusters: { runId: 'clu-1', cluster: null },
      chains: [
        // itemknn listed first on purpose: cells follow the run's model order (popularity first).
        part('', 120, { itemknn: result('itemknn', 0.7, 110, 0.08), popularity: result('popularity', 0.4, 110, 0.03) }, 'itemknn', { id: 0, name: '주말 가족 장보기' }),
        part('', 180, { popularity: result('popularity', 0.55, 170, Number.NaN) }, 'popularity', { id: 2, name: '온라인 소량 구매' }),
      ],
      skippedChains: [{ chain: '야간 편의점', reason: 'too few customers' }],
    };
    expect(partKind(report)).toBe('clusters');
    const rows = partRows(report, 'ko');
    expect(rows.map((r) => [r.key, r.label, r.customers, r.best])).toEqual([
      ['cluster-0', '주말 가족 장보기', 120, 'itemknn'],
      ['cluster-2', '온라인 소량 구매', 180, 'popularity'],
    ]);
    expect(rows[0].cells).toEqual([
      { model: 'popularity', hr10: 0.4, evaluated: 110, recall: 0.03, best: false },
      { model: 'itemknn', hr10: 0.7, evaluated: 110, recall: 0.08, best: true },
    ]);
    // A model the part lacks is an empty cell; a figure that is not a number shows as none.
    expect(rows[1].cells).toEqual([{ model: 'popularity', hr10: 0.55, evaluated: 170, recall: null, best: true }, null]);
    // Skipped clusters are already named by the service.
    expect(skippedParts(report, 'ko')).toEqual([{ label: '야간 편의점', reason: 'too few customers' }]);
  });

  it('a per-chain run: rows and skipped chains by the shared chain labels; a pooled run has no parts', () => {
    const report: RecommendRunReport = {
      ...base,
      chainMode: 'perChain',
      chains: [part('A01', 200, { popularity: result('popularity', 0.5, 190, 0.05) }, 'popularity')],
      skippedChains: [{ chain: 'A06', reason: 'no test purchases' }],
    };
    expect(partKind(report)).toBe('chains');
    expect(partRows(report, 'ko').map((r) => [r.key, r.label])).toEqual([['chain-A01', 'A01 백화점']]);
    expect(skippedParts(report, 'en')).toEqual([{ label: 'A06 Online mall', reason: 'no test purchases' }]);
    // A run that kept the issue: the reason in the page's language.
    const worded: RecommendRunReport = {
      ...report,
      skippedChains: [{ chain: 'A06', reason: 'No customer bought a new product from 2021-10-01 on', issue: { path: ['cutoff'], message: 'x', key: 'noTestAfterCutoff', params: { cutoff: '2021-10-01' } } }],
    };
    expect(skippedParts(worded, 'ko')[0].reason).toContain('2021-10-01 이후 새로 산 상품이 없어');
    expect(partKind(base)).toBeNull();
    expect(partRows(base, 'ko')).toEqual([]);
  });
});

describe('what a run learnt from', () => {
  const clusterings = [clusterRun('clu-2', 'failed', []), clusterRun('clu-1', 'done', ['주말 가족 장보기', '온라인 소량 구매'])];

  it('the latest finished clustering offers its clusters by name and size, in the page language', () => {
    expect(latestClustering(clusterings, 'ko')).toEqual({
      runId: 'clu-1',
      startedAt: '2024-05-01T10:00:00',
      clusters: [
        { id: 0, name: '주말 가족 장보기', customers: 100 },
        { id: 1, name: '온라인 소량 구매', customers: 101 },
      ],
    });
    expect(clusteringOf(clusterings[1], 'en')?.clusters.map((c) => c.name)).toEqual(['주말 가족 장보기-en', '온라인 소량 구매-en']);
    expect(latestClustering([clusterings[0]], 'ko')).toBeNull();
    expect(latestClustering([], 'ko')).toBeNull();
  });

  it('the summary names the chain scope, the clustering and the cluster (or a model per cluster)', () => {
    expect(chainScope(base, 'ko')).toBe('전체 체인');
    expect(chainScope({ chain: 'A02', chainMode: 'pooled' }, 'en')).toBe('A02 Hypermarket');
    expect(chainScope({ chain: null, chainMode: 'ownChain' }, 'ko')).toBe('체인별 모델 (고객의 주 체인 목록)');
    expect(clusterScope(base, clusterings, 'ko')).toBeNull();
    expect(clusterScope({ clusters: { runId: 'clu-1', cluster: null } }, clusterings, 'ko')).toBe('군집 분석 clu-1 (2024-05-01 10:00:00) · 군집별 모델');
    expect(clusterScope({ clusters: { runId: 'clu-1', cluster: 1 } }, clusterings, 'ko')).toBe('군집 분석 clu-1 (2024-05-01 10:00:00) · 온라인 소량 구매');
    // The clustering deleted since: its id and the cluster's number.
    expect(clusterScope({ clusters: { runId: 'gone', cluster: 3 } }, clusterings, 'ko')).toBe('군집 분석 gone · 군집 3');
    expect(clusterChoice({ clusters: { runId: 'clu-1', cluster: 0 } }, clusterings, 'en')).toBe('주말 가족 장보기-en');
  });
});

describe('the customers choice in the job arguments', () => {
  it('all customers: no clusters; one cluster or a model per cluster name the listed clustering and train pooled', () => {
    expect(trainArgs('/p', DEFAULT_SETTINGS).clusters).toBeUndefined();
    expect(trainArgs('/p', { ...DEFAULT_SETTINGS, chain: PER_CHAIN }).chainMode).toBe('perChain');
    const per = trainArgs('/p', { ...DEFAULT_SETTINGS, customers: PER_CLUSTER }, 'clu-1');
    expect([per.clusters, per.chainMode]).toEqual([{ runId: 'clu-1' }, 'pooled']);
    const one = trainArgs('/p', { ...DEFAULT_SETTINGS, customers: '2', chain: 'A03' }, 'clu-1');
    expect([one.clusters, one.chain, one.chainMode]).toEqual([{ runId: 'clu-1', cluster: 2 }, 'A03', 'pooled']);
    // No clustering listed: the service's default (the latest); a stale per-chain mode gives way.
    expect(trainArgs('/p', { ...DEFAULT_SETTINGS, customers: '0', chain: OWN_CHAIN }).clusters).toEqual({ cluster: 0 });
    expect(trainArgs('/p', { ...DEFAULT_SETTINGS, customers: '0', chain: OWN_CHAIN }).chainMode).toBe('pooled');
  });
});
