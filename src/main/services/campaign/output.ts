import { writeFileSync } from 'node:fs';
import { commitTemp, discardTemp, prepareTarget } from '../files/tempTarget';
import { saveError } from '../files/saveErrors';

/** YYYY-MM-DD plus n days (UTC calendar arithmetic). */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the L.POINT files write it: YYYYMMDD. */
export const compactDate = (day: string) => day.replaceAll('-', '');

/** Writes `text` (UTF-8) through a temporary file beside `path` and a rename; a file there is replaced. */
export function writeTextAtomic(path: string, text: string): void {
  const temp = prepareTarget(path, true);
  try {
    try {
      writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      throw saveError(error, path);
    }
    commitTemp(temp, path, true);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
}
