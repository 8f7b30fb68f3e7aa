import type { RecommendModelName, RecommendRunReport } from '../shared/recommend';

const f3 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(3));
const n = (v: number) => v.toLocaleString('en-US');

/** The run as the analyst compares it: one line per model, both protocols, with N beside the sampled figures. */
export function formatRecommend(report: RecommendRunReport): string {
  const first = Object.values(report.models)[0];
  const negatives = first?.sampled.negatives ?? 0;
  const lines = [
    `Recommendation run ${report.run.id} (${report.window.from} – ${report.window.to}${report.chain ? `, chain ${report.chain}` : ''}; seed ${report.run.seed}; ${report.run.seconds.toFixed(1)} s)`,
    `${n(report.data.customers)} customers, ${n(report.data.products)} products, ${n(report.data.pairs)} customer–product pairs; time split at ${report.cutoff}`,
    `Leave-one-out: each customer's last new product among it and ${negatives} sampled products they never bought (${n(first?.sampled.users ?? 0)} customers; ${n(first?.sampled.skipped ?? 0)} with one product skipped)`,
    `Time split: the whole catalogue ranked, new products bought from ${report.cutoff} on (${n(first?.timeSplit.users ?? 0)} customers)`,
    '',
    'model        hr10   ndcg10  (N)   recall10  ndcg10(t)  coverage  top1%share  seconds',
  ];
  for (const [model, r] of Object.entries(report.models) as [RecommendModelName, NonNullable<RecommendRunReport['models'][RecommendModelName]>][]) {
    lines.push(
      `${model.padEnd(11)} ${f3(r.sampled.hr[9])}  ${f3(r.sampled.ndcg[9])}  ${String(r.sampled.negatives).padStart(3)}   ${f3(r.timeSplit.recall).padStart(8)}  ${f3(r.timeSplit.ndcg).padStart(9)}  ${f3(r.timeSplit.coverage).padStart(8)}  ${f3(r.timeSplit.topShare).padStart(10)}  ${r.seconds.toFixed(1).padStart(7)}${model === report.best ? '  ← best HR@10' : ''}`,
    );
  }
  if (report.chains) {
    lines.push('', `${report.chainMode === 'ownChain' ? 'One model per chain; each customer gets their main chain\'s list' : 'One model per chain; a list per chain a customer bought at'} (the table above: means weighted by customers)`);
    lines.push('chain  model        hr10   recall10  customers');
    for (const c of report.chains) {
      for (const [model, r] of Object.entries(c.models) as [RecommendModelName, NonNullable<RecommendRunReport['models'][RecommendModelName]>][]) {
        lines.push(`${c.chain.padEnd(6)} ${model.padEnd(11)} ${f3(r.sampled.hr[9])}  ${f3(r.timeSplit.recall).padStart(8)}  ${n(c.data.customers).padStart(9)}${model === c.best ? '  ← best' : ''}`);
      }
    }
    for (const s of report.skippedChains ?? []) lines.push(`${s.chain}: skipped — ${s.reason}`);
  }
  const rules = report.rules;
  lines.push(
    '',
    `Saved top ${report.k} for ${n(report.saved.customers)} customers (${n(report.saved.rows)} rows in recommendations): ` +
      `${rules.newOnly ? 'new products only' : 'repurchase allowed'}; top ${(100 * rules.excludeTopShare).toFixed(1)} % best-sellers excluded; ` +
      `bought in the last ${rules.excludeRecentDays} days excluded${rules.varietyPool > report.k ? `; drawn from each customer's top ${rules.varietyPool} for variety` : ''}`,
  );
  return lines.join('\n');
}
