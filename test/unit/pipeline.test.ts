import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportManifest } from '../../src/shared/export';
import { runPipeline, type Call, type PipelineResult } from '../../src/cli/pipeline';
import { harness, type Harness } from '../helpers';

let h: Harness;
let result: PipelineResult;
const seen: string[] = [];

beforeAll(async () => {
  h = harness();
  const call = ((method: string, args: unknown) => h.call(method, args)) as Call;
  result = await runPipeline(call, { out: join(h.root, 'out'), customers: 1200, seed: 9 }, (s) => seen.push(s.step));
}, 300_000);
afterAll(() => h?.close());

describe('the one-command pipeline', () => {
  it('runs every step in order and leaves the list at the top of OUT, the project inside it', () => {
    expect(seen).toEqual(['generate', 'import', 'segment', 'churn', 'score', 'recommend', 'validate', 'export', 'report']);
    expect(result.steps.map((s) => s.step)).toEqual(seen);
    for (const s of result.steps) {
      expect(s.seconds).toBeGreaterThanOrEqual(0);
      expect(s.detail.length).toBeGreaterThan(0);
    }
    const top = readdirSync(result.out).sort();
    expect(top).toEqual(expect.arrayContaining(['project', 'target-list.csv', 'target-list.csv.manifest.json', 'report.html', 'deck.pptx']));
    expect(result.report).toBe(join(result.out, 'report.html'));
    expect(readFileSync(result.report, 'utf8')).toContain('<svg');
    expect([...readFileSync(result.deck).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(existsSync(join(result.project, 'project.duckdb'))).toBe(true);
    const manifest = JSON.parse(readFileSync(`${result.list}.manifest.json`, 'utf8')) as ExportManifest;
    const lines = readFileSync(result.list, 'utf8').split('\r\n').filter(Boolean);
    expect(lines.length - 1).toBe(manifest.rows);
    expect(manifest.filters).toMatchObject({ minRisk: 0.5 });
    expect(manifest.seed).toBe(9);
    expect(manifest.sources.churn).not.toBeNull();
    expect(manifest.sources.recommend).not.toBeNull();
  });

  it('refuses an OUT that already holds a project, before doing anything', async () => {
    const call = ((method: string, args: unknown) => h.call(method, args)) as Call;
    const before = readdirSync(result.out).sort();
    const steps: string[] = [];
    await expect(runPipeline(call, { out: result.out, customers: 1200 }, (s) => steps.push(s.step))).rejects.toThrow(/already holds a project/);
    expect(steps).toEqual([]);
    expect(readdirSync(result.out).sort()).toEqual(before);
  });
});
