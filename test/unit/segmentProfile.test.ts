import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as analytics from '../../src/main/services/analytics';
import { mixProfile } from '../../src/main/services/analytics/klDivergence';
import { exportPath } from '../../src/main/transport/http';
import type { SegmentProfile, SegmentSummary } from '../../src/shared/analytics';
import { insertRows, type Line } from '../analyticsRows';
import { harness, type Harness } from '../helpers';

describe('the index marketers read beside the KL divergence', () => {
  it('segment share ÷ all-customer share × 100, highest first, with the direction', () => {
    // Segment: a 38 of 100, b 62; everyone: a 250 of 1000, b 750. Index a = 0.38 / 0.25 × 100 = 152,
    // b = 0.62 / 0.75 × 100 = 82.67.
    const segment = new Map([['a', 38], ['b', 62]]);
    const all = new Map([['a', 250], ['b', 750]]);
    const mix = mixProfile(analytics.klDivergence(['a', 'b'], segment, all), segment, all);
    expect(mix.categories.map((c) => c.category)).toEqual(['a', 'b']);
    expect(mix.categories[0]).toMatchObject({ segment: 38, all: 250, segmentShare: 0.38, allShare: 0.25, direction: 'more' });
    expect(mix.categories[0].index).toBeCloseTo(152, 12);
    expect(mix.categories[1].index).toBeCloseTo((100 * 0.62) / 0.75, 12);
    expect(mix.categories[1].direction).toBe('less');
    // The divergence itself is the KL result's, untouched.
    expect(mix.divergence).toBe(analytics.klDivergence(['a', 'b'], segment, all).divergence);
  });

  it('an index that rounds to 100 reads as the same; a segment without any use has no index', () => {
    // 1004 of 10000 against 1000 of 10000: 100.4 → 100.
    const same = mixProfile(analytics.klDivergence(['a', 'b'], new Map([['a', 1004], ['b', 8996]]), new Map([['a', 1000], ['b', 9000]])), new Map([['a', 1004], ['b', 8996]]), new Map([['a', 1000], ['b', 9000]]));
    expect(same.categories.find((c) => c.category === 'a')).toMatchObject({ direction: 'same' });
    const none = mixProfile(analytics.klDivergence(['a'], new Map(), new Map([['a', 3]])), new Map(), new Map([['a', 3]]));
    expect(none.categories).toEqual([{ category: 'a', segment: 0, all: 3, segmentShare: 0, allShare: 1, index: null, direction: null, contribution: expect.any(Number) }]);
  });
});

/*
 * 100 customers, one receipt each on 2021-03-01: c001…c100 spend 10, 20, … 1000, so with recency
 * and frequency tied only M ranks them: M score 1 + floor(5·(i − 1)/100), tier 0 (최우수) = c081–c100,
 * tier 3 (기타) = c001–c040. c001–c050 buy at A01 offline, c051–c100 at A02 offline.
 */
describe('segment profile through the contract', () => {
  let h: Harness;
  let dir: string;
  const id = (i: number) => `c${String(i).padStart(3, '0')}`;
  beforeEach(async () => {
    h = harness();
    dir = join(h.root, 'project');
    await h.call('project.create', { project: dir });
    const lines: Line[] = Array.from({ length: 100 }, (_, k) => {
      const i = k + 1;
      return [id(i), `r${i}`, i <= 50 ? 'A01' : 'A02', 1, '2021-03-01', i * 10];
    });
    await insertRows((await h.services.projects.get(dir)).db, { lines });
    await h.call<SegmentSummary>('segments.compute', {
      project: dir,
      periods: [{ from: '2021-01-01', to: '2021-06-30' }, { from: '2021-07-01', to: '2021-12-31' }],
    });
  });
  afterEach(() => h.close());

  it('a top tier of 20 buys only at A02: index 200 there, 0 at A01, and a small-sample flag', async () => {
    const p = await h.call<SegmentProfile>('segments.profile', { project: dir, selector: { kind: 'tier', period: 'all', tier: 0 } });
    expect(p.customers).toBe(20);
    expect(p.allCustomers).toBe(100);
    expect(p.smallSample).toBe(true);
    // A02 offline: 20 of 20 lines against 50 of 100 → 1 / 0.5 × 100 = 200.
    expect(p.chainChannel.categories.map((c) => [c.category, c.segment, c.all, c.index, c.direction])).toEqual([
      ['A02:offline', 20, 50, 200, 'more'],
      ['A01:offline', 0, 50, 0, 'less'],
    ]);
    // No affiliate uses in this data: nothing to compare.
    expect(p.affiliates.categories).toEqual([]);
  });

  it('the rest tier of 40 (c001–c040, all at A01) is no small sample', async () => {
    const p = await h.call<SegmentProfile>('segments.profile', { project: dir, selector: { kind: 'tier', period: 'all', tier: 3 } });
    expect(p.customers).toBe(40);
    expect(p.smallSample).toBe(false);
    expect(p.chainChannel.categories[0]).toMatchObject({ category: 'A01:offline', segment: 40, index: 200, direction: 'more' });
  });
});

describe('downloads of exported files (browser mode)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  it('serves a file inside <project>/exports and nothing else', async () => {
    const dir = join(h.root, '분석 프로젝트');
    await h.call('project.create', { project: dir });
    writeFileSync(join(dir, 'exports', 'segments-1.csv'), '\uFEFFa\r\n');
    writeFileSync(join(dir, 'exports', '.segments-2.csv.ab12.tmp'), 'half');
    writeFileSync(join(h.root, 'secret.csv'), 'no');
    symlinkSync(join(h.root, 'secret.csv'), join(dir, 'exports', 'link.csv'));
    expect(exportPath(dir, 'segments-1.csv')).toBe(realpathSync(join(dir, 'exports', 'segments-1.csv')));
    // Not a plain file name, a temporary file, a link out of the folder, a missing file:
    for (const name of ['../project.duckdb', '..', 'sub/x.csv', '.segments-2.csv.ab12.tmp', 'link.csv', 'none.csv', '']) {
      expect(exportPath(dir, name), name).toBeNull();
    }
    // A folder that is not a project, even with an exports folder of its own.
    const other = join(h.root, 'other');
    mkdirSync(join(other, 'exports'), { recursive: true });
    writeFileSync(join(other, 'exports', 'x.csv'), 'x');
    expect(exportPath(other, 'x.csv')).toBeNull();
  });
});
