import type { Interactions } from './interactions';
import { checkInteger, checkInteractions } from './input';
import { vectorScorer, type Scorer } from './scorer';
import { selectTop } from './selectTop';
import { transpose } from './transpose';

export interface ItemKnnOptions {
  /** Neighbours kept per item (default 50). */
  neighbours?: number;
  /** Accepted for a uniform fit signature; item-kNN is deterministic. */
  seed?: number;
}

export const ITEM_KNN_DEFAULTS = { neighbours: 50 } as const;

/** The fitted neighbourhoods: item i's neighbours are neighbour[i·k .. i·k + size[i]), most similar first, with their cosines. */
export interface ItemNeighbours {
  k: number;
  size: Int32Array;
  neighbour: Int32Array;
  similarity: Float32Array;
}

/**
 * Cosine similarity over the binary user × item matrix, co(i, j) / sqrt(n_i · n_j), keeping each item's
 * k most similar items. Co-occurrences are counted item by item into one dense counter (walk the
 * item's users, then their items), so the work is Σ_users (items per user)² and nothing is allocated
 * per pair.
 */
export function itemNeighbours(train: Interactions, k: number): ItemNeighbours {
  const byItem = transpose(train);
  const n = train.itemCount;
  const degree = new Float32Array(n);
  for (let i = 0; i < n; i++) degree[i] = byItem.offsets[i + 1] - byItem.offsets[i];
  const co = new Float32Array(n);
  const touched = new Int32Array(n);
  const size = new Int32Array(n);
  const neighbour = new Int32Array(n * k);
  const similarity = new Float32Array(n * k);
  const { offsets, items } = train;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let a = byItem.offsets[i]; a < byItem.offsets[i + 1]; a++) {
      const u = byItem.items[a];
      for (let b = offsets[u]; b < offsets[u + 1]; b++) {
        const j = items[b];
        if (j === i) continue;
        if (co[j] === 0) touched[t++] = j;
        co[j]++;
      }
    }
    // Turn counts into cosines in place; untouched items stay 0 and never make the list.
    for (let s = 0; s < t; s++) {
      const j = touched[s];
      co[j] = co[j] / Math.sqrt(degree[i] * degree[j]);
    }
    const top = selectTop(co, k);
    let m = 0;
    for (let s = 0; s < top.length && co[top[s]] > 0; s++, m++) {
      neighbour[i * k + m] = top[s];
      similarity[i * k + m] = co[top[s]];
    }
    size[i] = m;
    for (let s = 0; s < t; s++) co[touched[s]] = 0;
  }
  return { k, size, neighbour, similarity };
}

/**
 * Item-kNN (Deshpande & Karypis): a user's score for item i is the sum of the similarities s(j, i) over
 * the user's items j that keep i among their k neighbours. Items near none of the user's items score 0.
 */
export function fitItemKnn(train: Interactions, options: ItemKnnOptions = {}): Scorer {
  checkInteractions(train);
  const k = options.neighbours ?? ITEM_KNN_DEFAULTS.neighbours;
  checkInteger('The number of neighbours', k, 1);
  const nb = itemNeighbours(train, Math.min(k, Math.max(1, train.itemCount - 1)));
  return vectorScorer(train.itemCount, (user, out) => {
    out.fill(0);
    for (let a = train.offsets[user]; a < train.offsets[user + 1]; a++) {
      const j = train.items[a];
      const base = j * nb.k;
      for (let s = 0; s < nb.size[j]; s++) out[nb.neighbour[base + s]] += nb.similarity[base + s];
    }
  });
}
