import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, keyedError, toWireError, type WireError } from '../../src/shared/errors';
import { DETAIL_TEXTS, ISSUE_TEXTS } from '../../src/shared/i18n';
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

/** The error a promise fails with. */
async function thrown(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (e) {
    return e as WireError;
  }
  throw new Error('the call did not fail');
}
/** Three English words in a row: an English sentence left in the Korean text. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

describe('every other error a service words for the analyst, in the UI language', () => {
  it('a missing file, a folder that is no project and no saved segments are worded in Korean with their values', async () => {
    const missing = join(h.root, '없는-구매.csv');
    const preview = await thrown(h.call('data.previewFile', { file: missing }));
    expect(preview.code).toBe('NOT_FOUND');
    expect(preview.message).toBe(`The file ${missing} does not exist or cannot be read.`); // the English sentence stays for logs and the CLI
    expect(worded(preview, 'ko')).toEqual([`${missing} 파일이 없거나 읽을 수 없습니다.`]);
    expect(worded(preview, 'en')).toEqual([`The file ${missing} does not exist or cannot be read.`]);

    const folder = join(h.root, 'not-a-project');
    mkdirSync(folder);
    const notProject = await thrown(h.services.projects.get(folder));
    expect(notProject).toBeInstanceOf(AppError);
    expect(notProject.code).toBe('NOT_A_PROJECT');
    const [ko] = worded(notProject, 'ko');
    expect(ko).toContain(folder);
    expect(ko).toContain('프로젝트 폴더가 아닙니다');
    expect(ko).not.toMatch(ENGLISH);

    const empty = join(h.root, 'empty');
    await h.call('project.create', { project: empty });
    const noSegments = await thrown(h.call('segments.load', { project: empty }));
    expect(noSegments.code).toBe('NOT_FOUND');
    expect(worded(noSegments, 'ko')).toEqual(['이 프로젝트에는 아직 저장된 세그먼트가 없습니다. 먼저 세그먼트를 계산하세요.']);
    const noPurchases = await thrown(h.call('segments.compute', { project: empty }));
    expect(worded(noPurchases, 'ko')).toEqual(['프로젝트에 아직 구매 데이터가 없습니다. 먼저 데이터를 가져오세요.']);
  });

  it('an import refused for its file names the file, in Korean, with no placeholder left', async () => {
    const file = join(h.root, '머리글만.csv');
    writeFileSync(file, 'customer,date,amount\n');
    const headerOnly = await thrown(
      h.call('data.importMapped', { project, purchases: { file, mapping: { customer: 'customer', date: 'date', amount: 'amount' } } }),
    );
    expect(headerOnly.code).toBe('BAD_FILE');
    expect(headerOnly.message).toBe('머리글만.csv has a header but no data rows, so nothing was imported.');
    const [ko] = worded(headerOnly, 'ko');
    expect(ko).toBe('머리글만.csv 파일에는 머리글만 있고 데이터 행이 없어 아무것도 가져오지 않았습니다.');
    expect(ko).not.toMatch(/\{\w+\}/);
  });

  it("a keyed error's sentence has no {field} and its issue has no path; an error without a key keeps only its English message", () => {
    const e = keyedError('IO', 'Could not write /x/a.csv: ENOSPC', 'writeFailed', { file: '/x/a.csv', reason: 'ENOSPC: no space left on device' });
    expect(e.issues).toEqual([{ path: [], message: e.message, code: 'custom', key: 'writeFailed', params: { file: '/x/a.csv', reason: 'ENOSPC: no space left on device' } }]);
    // The raw system text stays as a labelled value of the Korean sentence.
    expect(describeIssue(e.issues![0], 'ko')).toBe('/x/a.csv을(를) 저장하지 못했습니다. 시스템 메시지: ENOSPC: no space left on device');
    expect(toWireError(e).issues).toEqual(e.issues);
    expect(toWireError(new AppError('INTERNAL', 'Unexpected'))).toEqual({ code: 'INTERNAL', message: 'Unexpected' });
  });
});

/** Every keyedError( and badArgument( call under src/main, with the literal key(s) its third argument gives (null: not a literal). */
function keyedCalls(): { where: string; fn: string; keys: string[] | null }[] {
  const literals = (node: ts.Expression | undefined): string[] | null => {
    if (!node) return null;
    if (ts.isStringLiteralLike(node)) return [node.text];
    if (ts.isParenthesizedExpression(node)) return literals(node.expression);
    if (ts.isConditionalExpression(node)) {
      const [a, b] = [literals(node.whenTrue), literals(node.whenFalse)];
      return a && b ? [...a, ...b] : null;
    }
    return null;
  };
  const calls: { where: string; fn: string; keys: string[] | null }[] = [];
  const root = join(import.meta.dirname, '..', '..', 'src', 'main');
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(root, name), 'utf8');
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['keyedError', 'badArgument'].includes(node.expression.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        calls.push({ where: `${name}:${line}`, fn: node.expression.text, keys: literals(node.arguments[2]) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

describe('the keys the services use', () => {
  const calls = keyedCalls();

  it('are literal, and each has its sentence in Korean and English', () => {
    expect(calls.length).toBeGreaterThan(60);
    expect(calls.filter((c) => c.keys === null).map((c) => c.where)).toEqual([]);
    const missing = calls.flatMap((c) =>
      (c.keys ?? []).filter((key) => {
        const text = c.fn === 'keyedError' ? DETAIL_TEXTS[key] : ISSUE_TEXTS[key];
        return !text || !text.ko || !text.en;
      }).map((key) => `${c.where} ${c.fn} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('word errors without a field as sentences of their own, Korean first', () => {
    expect(Object.keys(DETAIL_TEXTS).filter((key) => Object.hasOwn(ISSUE_TEXTS, key))).toEqual([]);
    const withField = Object.entries(DETAIL_TEXTS).filter(([, t]) => t.ko.includes('{field}') || t.en.includes('{field}'));
    expect(withField.map(([key]) => key)).toEqual([]);
    // Korean sentences, not English ones, apart from the values and the labelled engine message.
    const english = Object.entries(DETAIL_TEXTS).filter(([, t]) => ENGLISH.test(t.ko.replace(/\{\w+\}/g, '').replace(/BG\/NBD/g, '')));
    expect(english.map(([key]) => key)).toEqual([]);
    // Every value the Korean sentence shows is one the English one has too (the params are the same for both).
    const unmatched = Object.entries(DETAIL_TEXTS).filter(([, t]) => (t.ko.match(/\{\w+\}/g) ?? []).some((p) => !t.en.includes(p)));
    expect(unmatched.map(([key]) => key)).toEqual([]);
  });
});
