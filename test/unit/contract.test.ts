import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/transport/dispatch';
import { contract, METHODS } from '../../src/shared/contract';
import { buildApi } from '../../src/shared/api';
import { harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

describe('the contract gate', () => {
  it('answers a bad argument with { code, message } and touches nothing', async () => {
    const project = join(h.root, 'never-created');
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder: 42 }, h.ctx);
    expect(reply).toEqual({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringContaining('folder') } });
    expect(existsSync(project)).toBe(false);
    const empty = await dispatch(h.handlers, 'project.create', { project: '   ' }, h.ctx);
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(h.events).toEqual([]);
  });

  it('refuses an unknown method and a malformed job id', async () => {
    expect(await dispatch(h.handlers, 'project.drop', {}, h.ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(h.handlers, '__proto__', {}, h.ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project: 'p', folder: 'f', jobId: '../x' }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('turns service failures into codes: opening a folder that is not a project', async () => {
    const reply = await dispatch(h.handlers, 'project.open', { project: h.root }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_A_PROJECT' } });
  });

  it('has one handler per contract entry', () => {
    expect(Object.keys(h.handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('builds one verb per method for the preload and the browser client, rejecting with the wire code', async () => {
    const api = buildApi(
      METHODS,
      (method, args) => dispatch(h.handlers, method, args, h.ctx),
      () => () => undefined,
    );
    const project = join(h.root, 'p');
    const created = await api.project.create({ project });
    expect(created.tables.find((t) => t.table === 'purchases')!.rows).toBe(0);
    await expect(api.project.create({ project })).rejects.toMatchObject({ code: 'PROJECT_EXISTS' });
  });
});

describe('projects', () => {
  it('persist tables across close and reopen', async () => {
    const project = join(h.root, 'p');
    await dispatch(h.handlers, 'project.create', { project }, h.ctx);
    const db = (await h.services.projects.get(project)).db;
    await db.run(`INSERT INTO customers VALUES ('M1', '여성', '40대', 'Z10', 1)`);
    expect(await dispatch(h.handlers, 'project.close', { project }, h.ctx)).toEqual({ ok: true, result: { closed: true } });
    const reopened = await dispatch(h.handlers, 'project.open', { project }, h.ctx);
    expect(reopened).toMatchObject({ ok: true });
    const db2 = (await h.services.projects.get(project)).db;
    expect(await db2.all('SELECT customer_id, gender FROM customers')).toEqual([{ customer_id: 'M1', gender: '여성' }]);
    expect(existsSync(join(project, 'models'))).toBe(true);
    expect(existsSync(join(project, 'exports'))).toBe(true);
  });

  it('keeps recent projects through the settings interface', async () => {
    for (const p of ['a', 'b', 'a']) await dispatch(h.handlers, 'settings.addRecentProject', { project: p }, h.ctx);
    expect(await dispatch(h.handlers, 'settings.get', {}, h.ctx)).toEqual({
      ok: true,
      result: { language: 'ko', recentProjects: ['a', 'b'] },
    });
  });
});
