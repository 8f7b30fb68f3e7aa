import { readFile } from 'node:fs/promises';
import { interactionsFromPairs, type Interactions } from '../recommend/interactions';

/**
 * A leave-one-out split in NCF's files (the authors' Data/ folder): train pairs, one held-out item
 * per test user, and that user's sampled negatives to rank it against.
 */
export interface NcfSplit {
  train: Interactions;
  /** Per test row: the user and the held-out item. */
  testUsers: Int32Array;
  testItems: Int32Array;
  /** negativesPerUser items per test row, row-major. */
  negatives: Int32Array;
  negativesPerUser: number;
}

export interface NcfFiles {
  /** `user\titem\trating\ttimestamp` per line (rating ≤ 0 lines are skipped, as NCF's loader does). */
  train: string;
  /** Same format, one line per test user. */
  test: string;
  /** `(user,item)\tneg1\tneg2…` per line, line k for test line k. */
  negatives: string;
}

export async function loadNcfFiles(files: NcfFiles): Promise<NcfSplit> {
  const [train, test, negatives] = await Promise.all([files.train, files.test, files.negatives].map((f) => readFile(f, 'utf8')));
  return parseNcfSplit(train, test, negatives);
}

/** Parses the three files' text; users and items are the ids as written (0-based, dense). */
export function parseNcfSplit(trainText: string, testText: string, negativeText: string): NcfSplit {
  const train = ratingRows(trainText, 'train');
  const test = ratingRows(testText, 'test');
  let maxUser = -1;
  let maxItem = -1;
  for (const rows of [train, test]) {
    for (let k = 0; k < rows.users.length; k++) {
      maxUser = Math.max(maxUser, rows.users[k]);
      maxItem = Math.max(maxItem, rows.items[k]);
    }
  }
  let perUser = -1;
  let lines = 0;
  const negatives: number[] = [];
  forEachIntLine(negativeText, (v, count) => {
    const k = lines++;
    if (perUser < 0) perUser = count - 2;
    if (count !== perUser + 2) throw new Error(`NCF negatives line ${k + 1}: ${count - 2} negatives, expected ${perUser}`);
    if (k >= test.users.length || v[0] !== test.users[k] || v[1] !== test.items[k]) {
      throw new Error(`NCF negatives line ${k + 1} is (${v[0]},${v[1]}) but test line ${k + 1} is ${k < test.users.length ? `(${test.users[k]},${test.items[k]})` : 'missing'}`);
    }
    for (let j = 2; j < count; j++) {
      negatives.push(v[j]);
      maxItem = Math.max(maxItem, v[j]);
    }
  });
  if (lines !== test.users.length) throw new Error(`NCF negatives: ${lines} lines for ${test.users.length} test lines`);
  return {
    train: interactionsFromPairs(maxUser + 1, maxItem + 1, train.users, train.items),
    testUsers: test.users,
    testItems: test.items,
    negatives: Int32Array.from(negatives),
    negativesPerUser: Math.max(perUser, 0),
  };
}

function ratingRows(text: string, name: string): { users: Int32Array; items: Int32Array } {
  const users: number[] = [];
  const items: number[] = [];
  let line = 0;
  forEachIntLine(text, (v, count) => {
    line++;
    if (count < 2) throw new Error(`NCF ${name} line ${line}: expected user, item, rating`);
    if (count >= 3 && v[2] <= 0) return;
    users.push(v[0]);
    items.push(v[1]);
  });
  return { users: Int32Array.from(users), items: Int32Array.from(items) };
}

/**
 * Calls back with each non-empty line's non-negative integers (values[0..count), one reused array;
 * any other character separates them, and a '.' drops the rest of a number as a fraction).
 */
function forEachIntLine(text: string, line: (values: number[], count: number) => void): void {
  const values: number[] = [];
  let count = 0;
  let value = -1;
  let fraction = false;
  for (let p = 0; p <= text.length; p++) {
    const c = p < text.length ? text.charCodeAt(p) : 10;
    if (c >= 48 && c <= 57) {
      if (!fraction) value = (value < 0 ? 0 : value * 10) + (c - 48);
      continue;
    }
    if (c === 46 && value >= 0) {
      fraction = true;
      continue;
    }
    if (value >= 0) values[count++] = value;
    value = -1;
    fraction = false;
    if (c === 10) {
      if (count) line(values, count);
      count = 0;
    }
  }
}
