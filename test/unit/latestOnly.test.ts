import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestOnly, QueryRunner, Sequencer, type QueryState } from '../../src/renderer/src/api/latest';

/** A promise the test settles by hand, in the order it chooses. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A QueryRunner whose published state is folded the way useQuery folds it. */
function runner<T>() {
  let state: QueryState<T> = { data: undefined, error: null, loading: false };
  const published: Partial<QueryState<T>>[] = [];
  const errors: unknown[] = [];
  const r = new QueryRunner<T>(
    (patch) => {
      published.push(patch);
      state = { ...state, ...patch };
    },
    (e) => errors.push(e),
  );
  return { r, state: () => state, published, errors };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('latestOnly / QueryRunner: an older answer never replaces a newer one', () => {
  it('latestOnly: the older call resolving after the newer one comes back stale', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let n = 0;
    const fetchOverview = latestOnly(async (_signal: AbortSignal, filter: string) => `${filter}:${await answers[n++].promise}`);
    const older = fetchOverview('all chains');
    const newer = fetchOverview('A01 only');
    answers[1].resolve('new');
    answers[0].resolve('old'); // the slow, older answer arrives last
    expect(await newer).toEqual({ stale: false, value: 'A01 only:new' });
    expect(await older).toEqual({ stale: true });
  });

  it('latestOnly: an overtaken call\'s error is dropped too, the newest error is thrown', async () => {
    const calls = [deferred<number>(), deferred<number>()];
    let n = 0;
    const f = latestOnly(() => calls[n++].promise);
    const older = f();
    const newer = f();
    calls[0].reject(new Error('old failure'));
    calls[1].reject(new Error('new failure'));
    expect(await older).toEqual({ stale: true });
    await expect(newer).rejects.toThrow('new failure');
  });

  it('QueryRunner publishes only the newest answer, whatever order they arrive in', async () => {
    const { r, state, published } = runner<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = r.run(() => first.promise);
    const b = r.run(() => second.promise);
    expect(state().loading).toBe(true);
    second.resolve('newer');
    expect(await b).toBe(true);
    expect(state()).toEqual({ data: 'newer', error: null, loading: false });
    first.resolve('older');
    expect(await a).toBe(false);
    await Promise.resolve();
    expect(state().data).toBe('newer');
    expect(published.filter((p) => 'data' in p).map((p) => p.data)).toEqual(['newer']);
  });

  it('a stale error neither shows nor reaches onError; the newest error does', async () => {
    const { r, state, errors } = runner<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = r.run(() => first.promise);
    const b = r.run(() => second.promise);
    first.reject(new Error('stale'));
    expect(await a).toBe(false);
    expect(errors).toEqual([]);
    second.reject(new Error('fresh'));
    expect(await b).toBe(true);
    expect((state().error as Error).message).toBe('fresh');
    expect(errors.map((e) => (e as Error).message)).toEqual(['fresh']);
  });

  it('a failed call keeps the previous answer beside its error (shown as not updated)', async () => {
    const { r, state } = runner<string>();
    expect(await r.run(() => Promise.resolve('before'))).toBe(true);
    expect(await r.run(() => Promise.reject(new Error('bad weights')))).toBe(true);
    expect(state().data).toBe('before');
    expect((state().error as Error).message).toBe('bad weights');
    expect(await r.run(() => Promise.resolve('after'))).toBe(true);
    expect(state()).toEqual({ data: 'after', error: null, loading: false });
  });

  it('cancel (the component unmounted) drops the answer in flight and aborts its signal', async () => {
    const { r, state, published } = runner<string>();
    const pending = deferred<string>();
    let signal: AbortSignal | null = null;
    const done = r.run((s) => {
      signal = s;
      return pending.promise;
    });
    r.cancel();
    expect(signal!.aborted).toBe(true);
    pending.resolve('late');
    expect(await done).toBe(false);
    await Promise.resolve();
    expect(state().data).toBeUndefined();
    expect(published).toEqual([{ loading: true }]);
  });

  it('debounce: quick changes make one call, with the last inputs', async () => {
    vi.useFakeTimers();
    const { r, state } = runner<string>();
    const calls: string[] = [];
    const runFor = (filter: string) =>
      r.run(async () => {
        calls.push(filter);
        return filter;
      }, 200);
    const first = runFor('a');
    await vi.advanceTimersByTimeAsync(100);
    const second = runFor('ab');
    await vi.advanceTimersByTimeAsync(100);
    const third = runFor('abc');
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(await third).toBe(true);
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(calls).toEqual(['abc']);
    expect(state().data).toBe('abc');
  });

  it('Sequencer: only the newest ticket is current; cancel makes none current', () => {
    const seq = new Sequencer();
    const a = seq.begin();
    const b = seq.begin();
    expect(a.isCurrent()).toBe(false);
    expect(a.signal.aborted).toBe(true);
    expect(b.isCurrent()).toBe(true);
    seq.cancel();
    expect(b.isCurrent()).toBe(false);
    expect(b.signal.aborted).toBe(true);
  });
});
