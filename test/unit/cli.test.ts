import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers';
import { writePurchases } from '../writePurchases';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The built CLI (out/node/cli.mjs) through its launcher, which rebuilds it when src/ is newer. */
const CLI = join(ROOT, 'scripts', 'workbench.mjs');

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => {
  tmp = tempDir('cw-cli-');
});
afterEach(() => tmp.cleanup());

/** Runs the real CLI in a child process; settings go to the temp folder. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, XDG_CONFIG_HOME: join(tmp.dir, 'config') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('workbench CLI', () => {
  it('imports, reports and writes rejects; --json is machine-readable', async () => {
    const project = join(tmp.dir, 'p');
    // The fixture plants bad lines in every file: far more than the default 5 % limit.
    const imported = await cli(['import', '--project', project, '--lpoint', join(FIXTURES, 'lpoint'), '--max-reject-share', '100', '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.files.map((f: { kind: string }) => f.kind)).toEqual(['products', 'branches', 'customers', 'purchases', 'services', 'payments']);
    const info = JSON.parse((await cli(['info', '--project', project, '--json'])).stdout);
    expect(info.rejectsByReason.column_count).toBe(1);
    const out = join(tmp.dir, 'rejects.csv');
    const written = await cli(['rejects', '--project', project, '--out', out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(9);
  });

  it('fails with one clear sentence, a non-zero exit and no stack trace', async () => {
    const missing = await cli(['info', '--project', join(tmp.dir, 'nothing-here')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/is not a project folder/);
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const again = await cli(['import', '--project', join(tmp.dir, 'p2'), '--lpoint', join(FIXTURES, 'lpoint'), '--max-reject-share', '100']);
    expect(again.code).toBe(0);
    const refused = await cli(['import', '--project', join(tmp.dir, 'p2'), '--lpoint', join(FIXTURES, 'lpoint'), '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'ALREADY_IMPORTED' } });
    const unknown = await cli(['import', '--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmp.dir, 'p3'))).toBe(false);
    // Too many rejects (default limit 5 %): refused, exit 1, the report's reasons named, no empty project left behind.
    const tooMany = await cli(['import', '--project', join(tmp.dir, 'p4'), '--lpoint', join(FIXTURES, 'lpoint'), '--json']);
    expect(tooMany.code).toBe(1);
    expect(JSON.parse(tooMany.stdout)).toMatchObject({ error: { code: 'TOO_MANY_REJECTS', message: expect.stringContaining('The limit is 5 %') } });
    expect(existsSync(join(tmp.dir, 'p4'))).toBe(false);
  });

  it('fit bgnbd prints the BG/NBD parameters as JSON; in days alpha is 7 times the weekly one; a bad unit is refused', async () => {
    const project = join(tmp.dir, 'p');
    const data = join(tmp.dir, 'data');
    expect((await cli(['generate', '--out', data, '--customers', '300', '--seed', '4'])).code).toBe(0);
    expect((await cli(['import', '--project', project, '--lpoint', data, '--max-reject-share', '100'])).code).toBe(0);
    const fitted = await cli(['fit', 'bgnbd', '--project', project, '--calibration-end', '2021-06-30', '--json']);
    expect(fitted.code).toBe(0);
    const fit = JSON.parse(fitted.stdout);
    expect(fit).toMatchObject({ unit: 'week', calibrationEnd: '2021-06-30' });
    for (const k of ['r', 'alpha', 'a', 'b']) expect(fit[k]).toBeGreaterThan(0);
    expect(fit.logLikelihood).toBeLessThan(0);
    expect(fit.customers).toBeGreaterThan(0);
    // In days the rate α is 7 times the weekly one; r, a and b do not change (same likelihood surface).
    const days = JSON.parse((await cli(['fit', 'bgnbd', '--project', project, '--calibration-end', '2021-06-30', '--unit', 'day', '--json'])).stdout);
    expect(days.alpha / fit.alpha).toBeCloseTo(7, 1);
    expect(days.r).toBeCloseTo(fit.r, 2);
    const bad = await cli(['fit', 'bgnbd', '--project', project, '--unit', 'month']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--unit is week or day/);
  }, 60_000);
});

describe('workbench CLI: sample data and mapped files', () => {
  it('generates sample data, calibrates it and imports a CP949 file through a mapping file', async () => {
    const data = join(tmp.dir, 'sample');
    const generated = await cli(['generate', '--out', data, '--customers', '400', '--seed', '7', '--json']);
    expect(generated.code).toBe(0);
    const summary = JSON.parse(generated.stdout);
    expect(summary).toMatchObject({ seed: 7, customers: 400 });
    expect(summary.files).toHaveLength(6);
    const calibrated = await cli(['calibrate', '--data', data, '--json']);
    const rows = JSON.parse(calibrated.stdout) as { sizeDependent: boolean; pass: boolean }[];
    expect(rows.length).toBeGreaterThan(20);
    const badSeed = await cli(['generate', '--out', data, '--seed', 'abc']);
    expect(badSeed).toMatchObject({ code: 1 });
    expect(badSeed.stderr).toContain('--seed must be a whole number');
    const map = join(tmp.dir, 'map.json');
    writeFileSync(map, JSON.stringify({ customer: '고객번호', date: '주문일자', dateFormat: 'YYYY-MM-DD', amount: '금액', channel: '채널' }));
    // 4 of the file's 11 rows are planted bad lines: far above the default 5 % limit.
    const imported = await cli(['import', '--project', join(tmp.dir, 'p'), '--purchases', join(FIXTURES, 'generic', 'purchases_cp949.csv'), '--map', map, '--max-reject-share', '50', '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).files[0]).toMatchObject({ rowsRead: 11, rowsLoaded: 7, rowsRejected: 4 });
  }, 60_000);
});

describe('workbench CLI: Ctrl-C', () => {
  it('stops an import cleanly on SIGINT: exit 130, one sentence, the project as it was', async () => {
    const project = join(tmp.dir, 'p');
    const folder = join(tmp.dir, 'big');
    mkdirSync(folder);
    writePurchases(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), 1_500_000);
    expect((await cli(['create', '--project', project])).code).toBe(0);
    const child = spawn(process.execPath, [CLI, 'import', '--project', project, '--lpoint', folder], {
      cwd: ROOT,
      env: { ...process.env, XDG_CONFIG_HOME: join(tmp.dir, 'config') },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // Wait for the signal, not a time: the first progress line of the purchase file (the CLI
    // writes one line per step when stderr is not a terminal).
    await new Promise<void>((resolve) => {
      const seen = () => {
        if (/LPOINT_BIG_COMP_02_PDDE\.csv/.test(stderr)) {
          child.stderr.off('data', seen);
          resolve();
        }
      };
      child.stderr.on('data', seen);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/cancelled; the project is unchanged|cancelled; nothing was changed/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const info = JSON.parse((await cli(['info', '--project', project, '--json'])).stdout);
    expect(info.imports).toEqual([]);
    expect(info.tables.find((t: { table: string }) => t.table === 'purchases').rows).toBe(0);
  }, 60_000);
});

describe('workbench CLI: segment', () => {
  it('prints tier counts and the transition matrix, writes the per-customer CSV, refuses bad options', async () => {
    const data = join(tmp.dir, 'sample');
    expect((await cli(['generate', '--out', data, '--customers', '500', '--no-defects'])).code).toBe(0);
    const project = join(tmp.dir, 'p');
    expect((await cli(['import', '--project', project, '--lpoint', data])).code).toBe(0);
    const csv = join(tmp.dir, 'segments.csv');
    const res = await cli(['segment', '--project', project, '--weights', '0.2,0.3,0.5', '--periods', '2021-01-01:2021-06-30,2021-07-01:2021-12-31', '--out', csv, '--json']);
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.stdout);
    expect(summary.spec.weights).toEqual([0.2, 0.3, 0.5]);
    const cells = summary.transitions as { customers: number }[];
    expect(cells.reduce((s, c) => s + c.customers, 0)).toBe(summary.transitionTotal);
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split('\r\n').length - 1).toBe(summary.csv.rows);
    const csvEn = join(tmp.dir, 'segments-en.csv');
    expect((await cli(['segment', '--project', project, '--out', csvEn, '--lang', 'en'])).code).toBe(0);
    expect(text.split('\r\n')[0]).toMatch(/[가-힣]/);
    expect(readFileSync(csvEn, 'utf8').split('\r\n')[0]).not.toMatch(/[가-힣]/);
    expect((await cli(['segment', '--project', project, '--lang', 'fr'])).stderr.trim()).toBe('--lang is ko or en (got fr).');
    const human = await cli(['segment', '--project', project]);
    expect(human.stdout).toMatch(/최우수/);
    expect(human.stdout).toMatch(/비활동/);
    const bad = await cli(['segment', '--project', project, '--periods', '2021-07-01:2021-12-31']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--periods takes two windows');
    const badWeight = await cli(['segment', '--project', project, '--weights=-1,1,1']);
    expect(badWeight.stderr.trim()).toBe('--weights: weights are 0 or more.');
    const noFolder = await cli(['segment', '--project', project, '--out', join(tmp.dir, 'nope', 'x.csv')]);
    expect(noFolder.stderr).toMatch(/^The folder .*nope does not exist; create it or choose another file\.\n$/);
  }, 60_000);

  it('imports a file without amounts through a mapping file: the report, info and segment say what M is; --monetary amount is refused', async () => {
    const map = join(tmp.dir, 'map.json');
    writeFileSync(map, JSON.stringify({ purchases: { file: 'groceries_no_amount.csv', mapping: { customer: 'Member_number', date: 'Date', productName: 'itemDescription' } } }));
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join(FIXTURES, 'corpus', 'groceries_no_amount.csv'), join(tmp.dir, 'groceries_no_amount.csv'));
    const project = join(tmp.dir, 'p');
    const imported = await cli(['import', '--project', project, '--purchases', join(tmp.dir, 'groceries_no_amount.csv'), '--map', map]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('no amounts: monetary is the number of lines');
    expect(imported.stdout).toContain('exact duplicate lines 1, kept: they may be real');
    const info = await cli(['info', '--project', project]);
    expect(info.stdout).toContain('Buyers 4, receipts 8, no amounts');
    const seg = await cli(['segment', '--project', project]);
    expect(seg.code).toBe(0);
    expect(seg.stdout).toContain('M = purchase lines');
    const refused = await cli(['segment', '--project', project, '--monetary', 'amount']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The data has no amounts');
    const quantity = await cli(['segment', '--project', project, '--monetary', 'quantity']);
    expect(quantity.stdout).toContain('M = quantity bought');
    // Storage settings from the terminal (kept in this test's own settings folder).
    const spill = join(tmp.dir, 'spill');
    const set = await cli(['settings', '--memory-mb', '256', '--spill', spill]);
    expect(set.stdout).toContain(`DuckDB memory limit 256 MiB per project, spilling to ${spill}`);
    expect((await cli(['settings', '--memory-mb', '8'])).stderr.trim()).toBe('--memory-mb: the memory limit is at least 32 MiB.');
    // A customer filter on a file without customer attributes keeps nobody: refused, saying so.
    const nobody = await cli(['segment', '--project', project, '--customers', 'Segment=Corporate']);
    expect(nobody.stderr.trim()).toBe('No customer with purchases has Segment = Corporate; choose other values.');
    expect((await cli(['segment', '--project', project, '--customers', 'Segment'])).stderr).toContain('--customers takes NAME=VALUE');
  }, 180_000);
});

describe('workbench CLI: train recommend', () => {
  it('--model names one model as --models does (the issue writes it so); both at once are refused', async () => {
    const data = join(tmp.dir, 'sample');
    expect((await cli(['generate', '--out', data, '--customers', '300', '--no-defects'])).code).toBe(0);
    const project = join(tmp.dir, 'p');
    expect((await cli(['import', '--project', project, '--lpoint', data])).code).toBe(0);
    const res = await cli(['train', 'recommend', '--project', project, '--model', 'popularity', '--k', '3', '--json']);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(Object.keys(report.models)).toEqual(['popularity']);
    expect(report.models.popularity).toMatchObject({ negatives: 49 });
    expect(report.models.popularity.hr10).toBeGreaterThan(0);
    const both = await cli(['train', 'recommend', '--project', project, '--model', 'mf', '--models', 'popularity']);
    expect(both.code).not.toBe(0);
    expect(both.stderr.trim()).toBe('--model and --models name the same thing; give one of them.');
  }, 90_000);
});
