import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSimulateResult } from '../../src/shared/campaignSimulation';
import type { ExportResult } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import type { ReadbackReport } from '../../src/shared/readback';
import type { ImportReport, ProjectInfo } from '../../src/shared/reports';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
let list: ExportResult;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 2000, seed: 41 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3 });
  list = await h.call<ExportResult>('export.write', { project, out: join(h.root, 'list.csv'), controlShare: 0.4, seed: 5 });
}, 240_000);
afterAll(() => h?.close());

describe('the campaign loop: export → simulate → append the new weeks → read back', () => {
  it('reads back the simulated truth: the interval covers the applied uplift; appending again is refused', async () => {
    const before = await h.call<ProjectInfo>('project.info', { project });
    const sim = await h.call<CampaignSimulateResult>('campaign.simulate', { project, list: list.path, out: join(h.root, 'campaign'), uplift: 0.1, recUplift: 0.2, days: 30, seed: 7 });
    const appended = await h.call<ImportReport>('data.importLpoint', { project, folder: join(h.root, 'campaign'), append: true });
    expect(appended.files.map((f) => f.kind)).toEqual(['purchases']);
    const after = await h.call<ProjectInfo>('project.info', { project });
    expect(after.dateMax! > before.dateMax!).toBe(true);
    const report = await h.call<ReadbackReport>('readback.run', { project, list: list.path, contacts: sim.contacts, window: 30 });
    expect(report.groups.treatment).toBe(sim.truth.counts.contacted);
    expect(report.groups.control).toBe(sim.truth.counts.control);
    const bought = report.outcomes.find((o) => o.outcome === 'bought')!;
    // The purchase rates are the simulation's own buyers over the group sizes, exactly.
    expect(bought.treatment * report.groups.treatment).toBeCloseTo(sim.truth.counts.buyers.contact, 6);
    expect(bought.control * report.groups.control).toBeCloseTo(sim.truth.counts.buyers.control, 6);
    // The 95 % interval covers the uplift the simulation applied (a fixed seed: the same answer every run).
    expect(bought.ciLow).toBeLessThanOrEqual(sim.truth.uplift.applied);
    expect(bought.ciHigh).toBeGreaterThanOrEqual(sim.truth.uplift.applied);
    expect(bought.significant).toBe(true);
    // Recommending made the contacted buy the recommended products more than the control did.
    const rec = report.outcomes.find((o) => o.outcome === 'boughtRecommended')!;
    expect(rec.uplift).toBeGreaterThan(0);
    // The same weeks again: refused, never counted twice.
    const again = await h.call('data.importLpoint', { project, folder: join(h.root, 'campaign'), append: true }).then(() => null, (e: { code: string }) => e);
    expect(again).not.toBeNull();
  }, 180_000);
});
