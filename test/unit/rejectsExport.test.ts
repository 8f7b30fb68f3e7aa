import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsvAtomic, csvField } from '../../src/main/services/files/atomicCsv';
import { dispatch } from '../../src/main/transport/dispatch';
import { fixtureCopy, harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

describe('CSV out', () => {
  it('quotes fields with commas, quotes and line ends', () => {
    expect(csvField('두부, 국산')).toBe('"두부, 국산"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('never leaves a half-written file: a failure mid-write keeps the old file and no temp file', async () => {
    const path = join(h.root, 'out.csv');
    await writeCsvAtomic(path, ['a'], [[['old']]]);
    async function* failing() {
      yield [['new']];
      throw new Error('disk full');
    }
    await expect(writeCsvAtomic(path, ['a'], failing())).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFa\r\nold\r\n');
    expect(readdirSync(h.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes every rejected row with file, line, reason and raw text, UTF-8 with BOM', async () => {
    const project = join(h.root, 'p');
    await dispatch(h.handlers, 'project.create', { project }, h.ctx);
    await dispatch(h.handlers, 'data.importLpoint', { project, folder: fixtureCopy('lpoint', h.root) }, h.ctx);
    const out = join(h.root, '거부행.csv');
    const reply = await dispatch(h.handlers, 'data.exportRejects', { project, out }, h.ctx);
    expect(reply).toMatchObject({ ok: true, result: { rows: 8 } });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFimport_id,file,line,reason,detail,raw\r\n')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.includes('bad_amount'))).toContain('M000000003,A02000000008,1,A02,A020001,PD0001,20210203,12,천원,1');
    const missingDir = await dispatch(h.handlers, 'data.exportRejects', { project, out: join(h.root, 'nope', 'x.csv') }, h.ctx);
    expect(missingDir).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('rejects viewer', () => {
  it('pages through rejects and filters by reason; the default export goes to the project exports folder', async () => {
    const project = join(h.root, 'p');
    await dispatch(h.handlers, 'project.create', { project }, h.ctx);
    await dispatch(h.handlers, 'data.importLpoint', { project, folder: fixtureCopy('lpoint', h.root) }, h.ctx);
    const first = await dispatch(h.handlers, 'data.rejects', { project, limit: 3 }, h.ctx);
    expect(first).toMatchObject({ ok: true, result: { total: 8, offset: 0 } });
    const rows = (first as { result: { rows: { line: number }[] } }).result.rows;
    expect(rows.map((r) => r.line)).toEqual([8, 9, 10]);
    const next = await dispatch(h.handlers, 'data.rejects', { project, limit: 3, offset: 6 }, h.ctx);
    expect((next as { result: { rows: unknown[] } }).result.rows).toHaveLength(2);
    const byReason = await dispatch(h.handlers, 'data.rejects', { project, reason: 'bad_hour' }, h.ctx);
    expect(byReason).toMatchObject({ ok: true, result: { total: 1, rows: [{ line: 9, reason: 'bad_hour', detail: 'de_hr=24' }] } });
    expect(await dispatch(h.handlers, 'data.rejects', { project, reason: 'nonsense' }, h.ctx)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    const exported = await dispatch(h.handlers, 'data.exportRejects', { project }, h.ctx);
    expect(exported).toMatchObject({ ok: true, result: { rows: 8, path: expect.stringMatching(/exports\/rejects-\d{8}-\d{6}\.csv$/) } });
    // The export follows the reason filter on screen.
    const out = join(h.root, 'bad-hour.csv');
    expect(await dispatch(h.handlers, 'data.exportRejects', { project, out, reason: 'bad_hour' }, h.ctx)).toMatchObject({ ok: true, result: { rows: 1 } });
    // As the app writes it: headings and reasons in the UI language.
    const korean = join(h.root, 'ko.csv');
    expect(await dispatch(h.handlers, 'data.exportRejects', { project, out: korean, reason: 'bad_hour', lang: 'ko' }, h.ctx)).toMatchObject({ ok: true });
    const [head, row] = readFileSync(korean, 'utf8').split('\r\n');
    expect(head).toBe('\uFEFF가져오기 번호,파일,줄 번호,거부 사유,상세,원본 줄');
    expect(row.split(',')[3]).toBe('시간 오류');
    expect(readFileSync(out, 'utf8').trim().split('\r\n')[1]).toContain('de_hr=24');
  });
});
