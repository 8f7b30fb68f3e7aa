import { selectTop } from './selectTop';

/**
 * What every recommender gives back: scores for a user's candidate items (higher = more likely
 * bought) and the user's top k over the whole catalogue. A scorer keeps one score buffer, so use
 * one scorer from one thread at a time.
 */
export interface Scorer {
  readonly itemCount: number;
  /** Writes the score of candidates[j] into out[j]. */
  score(user: number, candidates: Int32Array, out: Float32Array): void;
  /** The k best items for the user, best first, leaving out `exclude` (strictly ascending, e.g. itemsOf(train, user)); ties go to the lower item. */
  topK(user: number, k: number, exclude?: Int32Array): Int32Array;
  /** Every item's score into out[0..itemCount), where the model has a faster way than scoring them as candidates. */
  scoreAll?(user: number, out: Float32Array): void;
}

/** Fills out[0..itemCount) with the user's score for every item. */
export type FillScores = (user: number, out: Float32Array) => void;

/**
 * A scorer from a full score vector per user; `score` picks the candidates out of the vector unless
 * a cheaper per-candidate scorer is given.
 */
export function vectorScorer(itemCount: number, fill: FillScores, scoreCandidates?: Scorer['score']): Scorer {
  const all = new Float32Array(itemCount);
  return {
    itemCount,
    scoreAll: fill,
    score:
      scoreCandidates ??
      ((user, candidates, out) => {
        fill(user, all);
        for (let j = 0; j < candidates.length; j++) out[j] = all[candidates[j]];
      }),
    topK(user, k, exclude) {
      fill(user, all);
      return selectTop(all, k, exclude);
    },
  };
}
