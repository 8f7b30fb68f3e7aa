import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/transport/dispatch';
import { METHODS, type JobState } from '../../src/shared/contract';
import { buildApi } from '../../src/shared/api';
import { fixtureCopy, harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

describe('the contract gate', () => {
  it('answers a bad argument with { code, message } and touches nothing', async () => {
    const project = join(h.root, 'never-created');
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder: 42 }, h.ctx);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringContaining('folder'), issues: [{ path: ['folder'], message: expect.any(String), code: 'invalid_type' }] },
    });
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
    await db.run(`INSERT INTO customers (customer_id, gender, age_band, region, import_id) VALUES ('M1', '여성', '40대', 'Z10', 1)`);
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
      result: { language: 'ko', recentProjects: ['a', 'b'], memoryLimitMb: 384, spillFolder: 'project', trainingBackend: 'auto' },
    });
  });
});

describe('jobs through the gate', () => {
  /** Resolves with the job.finished event of one job id. */
  const finished = (jobId: () => string) =>
    new Promise<{ status: string }>((resolve) => {
      const original = h.ctx.emit;
      h.ctx.emit = (name, payload) => {
        original(name, payload);
        if (name === 'job.finished' && (payload as { jobId: string }).jobId === jobId()) resolve(payload as { status: string });
      };
    });

  it('jobs.start answers with a server id at once; the result is fetched by id after the end', async () => {
    const project = join(h.root, 'p');
    await h.call('project.create', { project });
    let id = '';
    const ended = finished(() => id);
    ({ jobId: id } = await h.call<{ jobId: string }>('jobs.start', { method: 'data.importLpoint', args: { project, folder: fixtureCopy('lpoint', h.root) } }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await h.call<JobState[]>('jobs.list', {});
    expect(listed.map((j) => j.jobId)).toContain(id);
    expect(await ended).toMatchObject({ status: 'done' });
    const state = await h.call<JobState>('jobs.get', { jobId: id });
    expect(state).toMatchObject({ status: 'done', kind: 'import', method: 'data.importLpoint', project, error: null });
    expect((state.result as { files: unknown[] }).files).toHaveLength(6);
  });

  it('a job whose work fails keeps the error; bad arguments are refused before any job exists', async () => {
    let id = '';
    const ended = finished(() => id);
    ({ jobId: id } = await h.call<{ jobId: string }>('jobs.start', { method: 'data.importLpoint', args: { project: join(h.root, 'none'), folder: h.root } }));
    expect(await ended).toMatchObject({ status: 'failed' });
    expect(await h.call<JobState>('jobs.get', { jobId: id })).toMatchObject({ status: 'failed', error: { code: 'NOT_A_PROJECT' } });

    await expect(h.call('jobs.start', { method: 'data.importLpoint', args: { project: 'p' } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('folder') });
    await expect(h.call('jobs.start', { method: 'segments.compute', args: {} })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(h.call('jobs.get', { jobId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
