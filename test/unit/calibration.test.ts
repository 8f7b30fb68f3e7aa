import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalibration } from '../../src/cli/formatCalibration';
import { calibrate, withinTolerance, type CalibrationRow } from '../../src/main/services/calibration/index';
import { generateLpoint } from '../../src/main/services/generator/index';
import { tempDir } from '../helpers';

const tmp = tempDir('cw-cal-');
let rows: CalibrationRow[];
beforeAll(async () => {
  await generateLpoint({ out: join(tmp.dir, 'data'), customers: 2_000, seed: 20_210_101 });
  rows = await calibrate(join(tmp.dir, 'data'));
});
afterAll(() => tmp.cleanup());

describe('calibration of the generated data', () => {
  it('every size-independent fact is within its tolerance at 2,000 customers', () => {
    const independent = rows.filter((r) => !r.sizeDependent);
    expect(independent.length).toBeGreaterThan(30);
    const failing = independent.filter((r) => !r.pass).map((r) => `${r.fact}: published ${r.published}, generated ${r.generated}`);
    expect(failing).toEqual([]);
  });

  it('scales the size-dependent facts to the customer count and states every tolerance', () => {
    const lines = rows.find((r) => r.key === 'lines')!;
    expect(lines.sizeDependent).toBe(true);
    expect(lines.published).toBeCloseTo((4_381_743 * 2_000) / 29_913, 3);
    expect(lines.publishedFullScale).toBe(4_381_743);
    for (const r of rows) {
      expect(r.why.length, r.key).toBeGreaterThan(10);
      expect(r.tolerance.value, r.key).toBeGreaterThan(0);
      expect(Number.isFinite(r.generated), r.key).toBe(true);
    }
    const table = formatCalibration(rows);
    expect(table).toContain('buy_am p50');
    expect(table).toMatch(/\d+ of \d+ facts within tolerance/);
  });

  it('catches data that is off: a customer file of men only fails the gender fact', async () => {
    const dir = join(tmp.dir, 'data');
    const demo = join(dir, 'LPOINT_BIG_COMP_01_DEMO.csv');
    const original = readFileSync(demo, 'utf8');
    writeFileSync(demo, original.replaceAll(',여성,', ',남성,'));
    try {
      const changed = await calibrate(dir);
      const women = changed.find((r) => r.key === 'women')!;
      expect(women.generated).toBe(0);
      expect(women.pass).toBe(false);
      expect(formatCalibration(changed)).toContain('FAIL');
    } finally {
      writeFileSync(demo, original);
    }
  });
});

describe('tolerances', () => {
  it('absolute and relative tolerances are inclusive and symmetric', () => {
    expect(withinTolerance(0.52, 0.5, { kind: 'absolute', value: 0.02 })).toBe(true);
    expect(withinTolerance(0.48, 0.5, { kind: 'absolute', value: 0.02 })).toBe(true);
    expect(withinTolerance(0.53, 0.5, { kind: 'absolute', value: 0.02 })).toBe(false);
    expect(withinTolerance(115, 100, { kind: 'relative', value: 0.15 })).toBe(true);
    expect(withinTolerance(84, 100, { kind: 'relative', value: 0.15 })).toBe(false);
    expect(withinTolerance(NaN, 100, { kind: 'relative', value: 0.15 })).toBe(false);
  });
});
