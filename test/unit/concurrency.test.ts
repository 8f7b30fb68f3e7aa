import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { dispatch, type Reply } from '../../src/main/transport/dispatch';
import { fixtureCopy, harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
beforeEach(async () => {
  h = harness();
  project = join(h.root, 'project');
  await h.call('data.importLpoint', { project: await create(), folder: fixtureCopy('lpoint', h.root) });
  await h.call('segments.compute', { project });
});
afterEach(() => h.close());

async function create(): Promise<string> {
  await h.call('project.create', { project });
  return project;
}

const send = (method: string, args: unknown): Promise<Reply> => dispatch(h.handlers, method, args, h.ctx);

describe('calls at the same time on one project', () => {
  it('overlapping segment computations, a profile, an overview and info all succeed, round after round', async () => {
    // What the Segments page sends while an analyst drags a weight slider.
    for (let round = 0; round < 6; round++) {
      const replies = await Promise.all([
        send('segments.compute', { project, weights: [0.3, 0.2, 0.5] }),
        send('segments.compute', { project, weights: [0.5 - round * 0.05, 0.2, 0.3 + round * 0.05] }),
        send('segments.profile', { project, selector: { kind: 'tier', period: 'all', tier: 0 } }),
        send('analytics.overview', { project }),
        send('project.info', { project }),
        send('segments.load', { project }),
      ]);
      for (const reply of replies) expect(reply).toMatchObject({ ok: true });
    }
    // The last computation queued is the one saved.
    const saved = await h.call<{ spec: { weights: number[] } }>('segments.load', { project });
    expect(saved.spec.weights).toEqual([0.25, 0.2, 0.55].map((w) => expect.closeTo(w, 10)));
  });

  it('writes queue one at a time: each computation saves exactly the spec it was given', async () => {
    const weights = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const summaries = await Promise.all(weights.map((w) => h.call<{ spec: { weights: number[] } }>('segments.compute', { project, weights: w })));
    expect(summaries.map((s) => s.spec.weights)).toEqual(weights);
    expect((await h.call<{ spec: { weights: number[] } }>('segments.load', { project })).spec.weights).toEqual([0, 0, 1]);
  });

  it('a closed project opened by three calls at once is opened once', async () => {
    await h.call('project.close', { project });
    const opens = await Promise.all([h.services.projects.get(project), h.services.projects.get(project), h.services.projects.get(project)]);
    expect(opens[1]).toBe(opens[0]);
    expect(opens[2]).toBe(opens[0]);
    await h.call('project.close', { project });
    const replies = await Promise.all([send('project.open', { project }), send('project.info', { project }), send('analytics.overview', { project })]);
    for (const reply of replies) expect(reply).toMatchObject({ ok: true });
  });

  it('closing waits for the reads in flight and the next call opens the project again', async () => {
    const [overview, closed] = await Promise.all([send('analytics.overview', { project }), send('project.close', { project })]);
    expect(overview).toMatchObject({ ok: true });
    expect(closed).toEqual({ ok: true, result: { closed: true } });
    expect(await send('project.info', { project })).toMatchObject({ ok: true });
  });

  it('an import stages beside other writes and takes the write turn only for its commit; imports run one at a time', async () => {
    const db = (await h.services.projects.get(project)).db;
    const order: string[] = [];
    let release: () => void = () => undefined;
    const staging = new Promise<void>((resolve) => (release = resolve));
    onTestFinished(() => release());
    let began: () => void = () => undefined;
    const stagingBegan = new Promise<void>((resolve) => (began = resolve));
    const first = db.staged('import', async (session, commit) => {
      order.push('first staging');
      began();
      await staging;
      return commit(async () => {
        order.push('first commit');
        return (await session.one<{ n: number }>('SELECT 1::BIGINT AS n'))!.n;
      });
    });
    const second = db.staged('import', async (_session, commit) => {
      order.push('second staging');
      return commit(async () => order.push('second commit'));
    });
    // A write asked while the first import stages runs at once, not after the import.
    await stagingBegan;
    await db.write('segments', async () => order.push('other write'));
    expect(order).toEqual(['first staging', 'other write']);
    expect(await send('project.close', { project })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    release();
    expect(await first).toBe(1);
    await second;
    expect(order).toEqual(['first staging', 'other write', 'first commit', 'second staging', 'second commit']);
  });
});
