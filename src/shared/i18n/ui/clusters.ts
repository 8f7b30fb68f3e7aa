import type { Text } from '../text';

/** UI strings of Customer clusters page. */
export const clustersStrings = {
  // Customer clusters page (features/clusters).
  'clusters.settings': { ko: '군집 설정', en: 'Clustering settings' },
  'clusters.features': { ko: '특성 묶음', en: 'Features' },
  'clusters.features.behaviour': { ko: '구매 행동(언제·어떻게 사는가)', en: 'Behaviour (when and how they shop)' },
  'clusters.features.consumption': { ko: '소비 내용(무엇을 사는가)', en: 'Consumption (what they buy)' },
  'clusters.features.both': { ko: '행동과 소비 모두', en: 'Behaviour and consumption' },
  'clusters.k': { ko: '군집 수 k', en: 'Clusters (k)' },
  'clusters.kAuto': { ko: '자동(실루엣 최고)', en: 'Automatic (best silhouette)' },
  'clusters.window': { ko: '기간', en: 'Window' },
  'clusters.seed': { ko: '시드', en: 'Seed' },
  'clusters.restarts': { ko: '재시작 횟수', en: 'Restarts' },
  'clusters.help': {
    ko: 'K-평균 군집: k마다 k-means++로 시작해 재시작 횟수만큼 다시 풀고 군집 내 제곱합이 가장 작은 결과를 씁니다. 자동이면 k = 2~12를 모두 풀어 평균 실루엣이 가장 높은 k를 고릅니다. 기간을 비우면 모든 구매를 읽고, 기간에 구매가 없는 고객은 군집에 들지 않습니다.',
    en: 'K-means: for each k, k-means++ starts, it is solved once per restart and the lowest inertia is kept. Automatic tries every k from 2 to 12 and picks the best mean silhouette. An empty window reads every purchase; customers without a purchase in the window get no cluster.',
  },
  'clusters.run': { ko: '군집 만들기', en: 'Find clusters' },
  'clusters.running': { ko: '군집을 만드는 중…', en: 'Clustering…' },
  'clusters.report': { ko: '군집 결과', en: 'Clusters' },
  'clusters.summary': {
    ko: '기간 {period} · 고객 {customers}명 · 군집 {k}개 · 평균 실루엣 {silhouette} · {seconds}초 · 시드 {seed}',
    en: 'Window {period} · {customers} customers · {k} clusters · mean silhouette {silhouette} · {seconds} s · seed {seed}',
  },
  'clusters.constant': { ko: '모든 고객이 같은 값이라 반영되지 않은 특성: {features}', en: 'Constant over every customer, so not counted: {features}' },
  'clusters.profiles': { ko: '군집별 프로필', en: 'Cluster profiles' },
  'clusters.size': { ko: '고객 {n}명 · {share}', en: '{n} customers · {share}' },
  'clusters.rename': { ko: '이름 바꾸기', en: 'Rename' },
  'clusters.save': { ko: '저장', en: 'Save' },
  'clusters.cancel': { ko: '취소', en: 'Cancel' },
  'clusters.name': { ko: '군집 이름', en: 'Cluster name' },
  'clusters.assignNote': {
    ko: '새 데이터의 고객은 저장된 군집 중심 가운데 가장 가까운 곳에 배정됩니다. 이것이 K-평균의 배정 규칙 그대로이므로 따로 분류 모델을 학습하지 않습니다.',
    en: 'New customers are assigned to the nearest saved centroid. That is the exact assignment rule of K-means, so no separate classifier is trained.',
  },
  'clusters.pastRuns': { ko: '지난 실행', en: 'Past runs' },
  'clusters.startedAt': { ko: '시작 시각', en: 'Started' },
  'clusters.customers': { ko: '고객 수', en: 'Customers' },
  'clusters.silhouette': { ko: '실루엣', en: 'Silhouette' },
  'clusters.open': { ko: '열기', en: 'Open' },
  'clusters.delete': { ko: '삭제', en: 'Delete' },
  'clusters.deleteConfirm': { ko: '정말 삭제(고객별 군집 포함)', en: 'Really delete (the customers\' clusters too)' },
} as const satisfies Record<string, Text>;
