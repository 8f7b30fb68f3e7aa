import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireError } from '../../src/shared/errors';
import { describeIssue } from '../../src/shared/issueText';
import { insertRows } from '../analyticsRows';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
beforeEach(async () => {
  h = harness();
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  const db = (await h.services.projects.get(project)).db;
  await insertRows(db, { lines: [['u1', 'r1', 'A01', 1, '2021-01-05', 1000], ['u2', 'r2', 'A02', 1, '2021-06-05', 500]] });
});
afterEach(() => h.close());

/** The error a call fails with, as it crosses the wire. */
async function failure(method: string, args: Record<string, unknown>): Promise<WireError> {
  try {
    await h.call(method, { project, ...args });
  } catch (e) {
    return e as WireError;
  }
  throw new Error(`${method} did not fail`);
}
const worded = (e: WireError, lang: 'ko' | 'en') => (e.issues ?? []).map((i) => describeIssue(i, lang));

describe('argument errors worded for the analyst, in the UI language', () => {
  it('a schema check names the input and its bound', async () => {
    const e = await failure('segments.compute', { weights: [0.3, 0.2, -1] });
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toMatch(/^Bad argument for segments.compute/); // the English sentence stays for logs and the CLI
    expect(worded(e, 'ko')).toEqual(['M 가중치: 0 이상이어야 합니다.']);
    expect(worded(e, 'en')).toEqual(['M weight: must be 0 or more.']);
    const chains = await failure('analytics.overview', { chains: [] });
    expect(worded(chains, 'ko')).toEqual(['제휴사/점포: 1개 이상 고르세요.']);
    const date = await failure('analytics.overview', { from: '2021-13-01' });
    expect(worded(date, 'ko')[0]).toMatch(/^시작일: /);
  });

  it('a service\'s own check carries its sentence key and values', async () => {
    const zero = await failure('segments.compute', { weights: [0, 0, 0] });
    expect(worded(zero, 'ko')).toEqual(['RFM 가중치: 합이 0입니다. 하나 이상을 0보다 크게 하세요.']);
    const over = await failure('segments.compute', { shares: [60, 30, 20] });
    expect(worded(over, 'ko')).toEqual(['등급 비율: 합계가 110%로 100%를 넘습니다.']);
    const reversed = await failure('analytics.overview', { from: '2021-03-01', to: '2021-02-01' });
    expect(worded(reversed, 'en')).toEqual(['From: starts (2021-03-01) after it ends (2021-02-01).']);
    const periods = await failure('segments.compute', {
      periods: [{ from: '2021-01-01', to: '2021-04-30' }, { from: '2021-04-01', to: '2021-06-30' }],
    });
    expect(worded(periods, 'ko')).toEqual(['비교 기간: 기간1이 끝난 뒤에 기간2가 시작해야 합니다.']);
  });
});
