import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js fire where DESIGN.md says they should: each offending snippet
 * gets the rule's error, and the allowed snippet beside it gets no message at all.
 */
const ROOT = join(import.meta.dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });
});

/** 'ruleId: message' for every message ESLint gives the code as if it were the file at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}
/** A module that imports `name` from `from` and uses it. */
const uses = (from: string, name = 'a') => `import { ${name} } from '${from}';\nexport const ${name}2 = ${name};\n`;
const boundary = (start: string) => [expect.stringMatching(new RegExp(`^layers/boundaries: ${start}`))];
const restricted = (start: string) => [expect.stringMatching(new RegExp(`^no-restricted-imports: .*${start}`))];

describe('services', () => {
  const file = 'src/main/services/analytics/example.ts';
  it('never import the transports or the composition root', async () => {
    expect(await lint(file, uses('../../transport/dispatch'))).toEqual(boundary('Services never import the transports'));
    expect(await lint(file, uses('../../app'))).toEqual(boundary('Services never import the transports'));
    expect(await lint(file, `export type { Handlers } from '../../transport/handlers';\n`)).toEqual(boundary('Services never'));
  });
  it('may import shared code and other services', async () => {
    expect(await lint(file, uses('../../../shared/errors') + uses('../db/database', 'c'))).toEqual([]);
  });
});

describe('preload', () => {
  const file = 'src/preload/example.ts';
  it('imports no node built-in and no npm package but electron', async () => {
    expect(await lint(file, uses('node:fs'))).toEqual(expect.arrayContaining(restricted('no node built-ins')));
    expect(await lint(file, uses('zod'))).toEqual(restricted('no npm package except electron'));
    expect(await lint(file, uses('../main/transport/ipc'))).toEqual(restricted('only src/shared and electron'));
  });
  it('may import electron and src/shared', async () => {
    expect(await lint(file, uses('electron') + uses('../shared/channels', 'c'))).toEqual([]);
  });
});

describe('shared', () => {
  const file = 'src/shared/charts/example.ts';
  it('imports no react, no DOM-only runtime and no node code', async () => {
    expect(await lint(file, uses('react'))).toEqual(restricted('must not import react'));
    expect(await lint(file, uses('echarts'))).toEqual(restricted('only `import type` from echarts'));
    expect(await lint(file, uses('node:path'))).toEqual(restricted('must not import node modules'));
  });
  it('may take types from echarts', async () => {
    expect(await lint(file, `import type { EChartsOption } from 'echarts';\nexport const o: EChartsOption = {};\n`)).toEqual([]);
  });
});

describe('renderer features', () => {
  it('never import another feature, from any depth', async () => {
    expect(await lint('src/renderer/src/features/overview/Example.tsx', uses('../data/DataPage'))).toEqual(boundary('A renderer feature never imports another feature'));
    expect(await lint('src/renderer/src/features/overview/parts/Example.tsx', uses('../../segments/TransitionTable'))).toEqual(boundary('A renderer feature'));
  });
  it('may import their own files and the shared renderer code', async () => {
    const code = uses('./OverviewPage') + uses('../../i18n', 'c');
    expect(await lint('src/renderer/src/features/overview/Example.tsx', code)).toEqual([]);
  });
});

describe('workers', () => {
  it('are reached from outside only through the host and its run wrappers', async () => {
    const file = 'src/main/transport/example.ts';
    expect(await lint(file, uses('../workers/generate.worker'))).toEqual(boundary('Outside src/main/workers'));
    expect(await lint(file, uses('../workers/protocol'))).toEqual(boundary('Outside src/main/workers'));
    expect(await lint('test/unit/example.test.ts', uses('../../src/main/workers/generate.worker'))).toEqual(boundary('Outside src/main/workers'));
  });
  it('host, run wrappers, and protocol from a worker file are allowed', async () => {
    const code = uses('../workers/host') + uses('../workers/generateInWorker', 'c');
    expect(await lint('src/main/transport/example.ts', code)).toEqual([]);
    expect(await lint('test/fixtures/workers/example.worker.ts', uses('../../../src/main/workers/protocol'))).toEqual([]);
    expect(await lint('src/main/workers/example.worker.ts', uses('./protocol'))).toEqual([]);
  });
});
