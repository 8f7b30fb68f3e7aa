import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import { foldProgress, isRecommendStep, LIVE_START, modelStates, type LiveState } from '../../src/renderer/src/features/recommend/liveProgress';

type Event = Pick<JobProgress, 'step' | 'fraction' | 'detail'>;
const rows = (step: string, fraction: number): Event => ({ step, fraction, detail: { type: 'rows', rowsDone: 100, rowsPerSecond: 0 } });
const epoch = (n: number, loss: number, epochs = 2): Event => ({
  step: 'neumf',
  fraction: 0.5,
  detail: { type: 'training', phase: 'epoch', epoch: n, epochs, batch: 1, batches: 1, loss, metrics: {}, samplesPerSecond: 1000 * n },
});
const fold = (events: Event[]): LiveState => events.reduce(foldProgress, LIVE_START);

describe('live progress of a recommendation job', () => {
  it('follows the step and the fraction; the models before the current one are done, all of them once the lists are saved', () => {
    const s = fold([rows('data', 0.02), rows('popularity', 0.05), rows('popularity', 0.3), rows('itemknn', 0.3)]);
    expect(s.step).toBe('itemknn');
    expect(s.fraction).toBe(0.3);
    expect(s.curves).toEqual([]);
    // Ticked out of order: the run's order (popularity first) is kept.
    expect(modelStates(['itemknn', 'popularity', 'neumf'], s.step)).toEqual([
      { model: 'popularity', state: 'done' },
      { model: 'itemknn', state: 'running' },
      { model: 'neumf', state: 'waiting' },
    ]);
    expect(modelStates(['itemknn', 'popularity'], 'data').map((m) => m.state)).toEqual(['waiting', 'waiting']);
    expect(modelStates(['itemknn', 'popularity'], 'save').map((m) => m.state)).toEqual(['done', 'done']);
    expect(modelStates(['itemknn'], null).map((m) => m.state)).toEqual(['waiting']);
  });

  it('a network: one curve per fit, the second (the time split) opened by epoch 1 again; a repeated epoch is ignored', () => {
    const s = fold([rows('neumf', 0.05), epoch(1, 0.44), epoch(2, 0.4), epoch(2, 0.4), epoch(1, 0.45), epoch(2, 0.41)]);
    expect(s.curves).toEqual([
      { model: 'neumf', loss: [0.44, 0.4], samplesPerSecond: 2000 },
      { model: 'neumf', loss: [0.45, 0.41], samplesPerSecond: 2000, fit: 'timeSplit' },
    ]);
    expect(s.epoch).toEqual({ model: 'neumf', epoch: 2, epochs: 2, loss: 0.41, samplesPerSecond: 2000 });
    // One epoch per fit: each fit still gets its own curve.
    const one = fold([epoch(1, 0.5, 1), epoch(1, 0.52, 1)]);
    expect(one.curves.map((c) => [c.loss, c.fit])).toEqual([
      [[0.5], undefined],
      [[0.52], 'timeSplit'],
    ]);
  });

  it('knows its own steps (to pick its events before the job id is known)', () => {
    expect(['data', 'mf', 'neumf', 'save'].every(isRecommendStep)).toBe(true);
    expect(['gbdt', 'k=3', 'features'].some(isRecommendStep)).toBe(false);
    // Per-chain and per-cluster runs prefix the part.
    expect(['A02: mf', '주말 가족: neumf'].every(isRecommendStep)).toBe(true);
    expect(isRecommendStep('A02: gbdt')).toBe(false);
  });

  it('per-chain and per-cluster steps move the model states and the live curves too', () => {
    expect(modelStates(['popularity', 'mf', 'neumf'], 'A02: mf').map((m) => m.state)).toEqual(['done', 'running', 'waiting']);
    const s = foldProgress(LIVE_START, {
      step: '주말 가족: neumf',
      fraction: 0.4,
      detail: { type: 'training', phase: 'epoch', epoch: 1, epochs: 3, batch: 1, batches: 1, loss: 0.6, metrics: {}, samplesPerSecond: 1000 },
    });
    expect(s.curves.map((c) => [c.model, c.loss])).toEqual([['neumf', [0.6]]]);
  });
});
