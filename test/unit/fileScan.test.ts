import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanFileBytes } from '../../src/main/services/data/fileScan';
import { tempDir } from '../helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('cw-scan-');
});
afterEach(() => tmp.cleanup());

/** The blank data lines (empty or a lone CR) of a text, 1-based, by the plain definition. */
function blankLinesOf(text: string): number[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop(); // the final LF ends the last line
  return lines.flatMap((l, i) => (i > 0 && (l === '' || l === '\r') ? [i + 1] : []));
}

describe('the byte scan', () => {
  it('finds the empty lines across 1 MiB read chunks, with LF and CRLF, as a plain split does', async () => {
    // Lines of seeded random length, some empty, some a lone CR, some CRLF: ≈ 3 MiB, so blank lines
    // fall on chunk boundaries, including a CR at a chunk's end and its LF at the next one's start.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const parts = ['customer,date,amount\n'];
    let size = parts[0].length;
    while (size < 3 * 2 ** 20) {
      const r = rand();
      const line = r < 0.15 ? '\n' : r < 0.25 ? '\r\n' : `${'x'.repeat(Math.floor(rand() * 40))}${rand() < 0.5 ? '\r' : ''}\n`;
      parts.push(line);
      size += line.length;
    }
    // A CR exactly at the end of the first chunk, its LF opening the second.
    const text = parts.join('');
    const boundary = 2 ** 20;
    const crafted = `${text.slice(0, boundary - 2)}\n\r\n${text.slice(boundary + 1)}`;
    const file = join(tmp.dir, 'lines.csv');
    writeFileSync(file, crafted);
    const scan = await scanFileBytes(file);
    const expected = blankLinesOf(crafted);
    expect(expected).toContain(crafted.slice(0, boundary - 1).split('\n').length); // the crafted blank line
    expect(scan.blankLines).toEqual(expected);
    expect(scan.lines).toBe(crafted.split('\n').length - 1);
  });

  it('a file without a final line feed: its last line counts, a lone trailing CR is blank', async () => {
    const file = join(tmp.dir, 'end.csv');
    writeFileSync(file, 'a,b\n1,2\n\n3,4\n\r');
    const scan = await scanFileBytes(file);
    expect(scan).toMatchObject({ lines: 5, blankLines: [3, 5] });
  });
});
