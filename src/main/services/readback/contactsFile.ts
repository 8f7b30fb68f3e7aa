import { basename } from 'node:path';
import { keyedError } from '../../../shared/errors';
import type { Sql } from '../db/database';
import { readTable } from '../files/readTable';

export interface Contact {
  customer: string;
  contacted: boolean;
  channel: string | null;
  /** ISO date. */
  date: string;
}

/** The app's own contact format, Korean or English headings. */
const COLUMNS = {
  customer: ['고객번호', 'customer'],
  contacted: ['발송여부', 'contacted'],
  channel: ['채널', 'channel'],
  date: ['발송일', 'date'],
} as const;

const YES = new Set(['y', 'yes', '예', 'o', '1', 'true', '발송']);
const NO = new Set(['n', 'no', '아니오', 'x', '0', 'false', '미발송']);

/**
 * Who was contacted, when and how: one row per customer (고객번호, 발송여부 Y/N, 채널, 발송일 as
 * 2022-01-01, 2022.01.01 or 20220101), UTF-8 or CP949. A row that cannot be read is refused with its
 * line, so nothing is guessed.
 */
export async function readContacts(db: Sql, path: string): Promise<Contact[]> {
  const file = basename(path);
  const { columns, rows } = await readTable(db, path);
  const find = (names: readonly string[]) => names.find((n) => columns.includes(n)) ?? null;
  const customerAt = find(COLUMNS.customer);
  const contactedAt = find(COLUMNS.contacted);
  const dateAt = find(COLUMNS.date);
  const channelAt = find(COLUMNS.channel);
  for (const [names, at] of [[COLUMNS.customer, customerAt], [COLUMNS.contacted, contactedAt], [COLUMNS.date, dateAt]] as const) {
    if (!at) throw keyedError('BAD_FILE', `${file} has no ${names.join(' / ')} column.`, 'contactsColumn', { file, column: names.join(' / ') });
  }
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const line = i + 2;
    const customer = (r[customerAt!] ?? '').trim();
    const flag = (r[contactedAt!] ?? '').trim().toLowerCase();
    const date = isoDate(r[dateAt!] ?? '');
    if (!customer || !(YES.has(flag) || NO.has(flag)) || !date) {
      throw keyedError('BAD_FILE', `${file} line ${line} cannot be read (customer "${customer}", contacted "${flag}", date "${r[dateAt!] ?? ''}").`, 'contactsBadRow', { file, line });
    }
    if (seen.has(customer)) throw keyedError('BAD_FILE', `${file} lists customer ${customer} twice (line ${line}).`, 'contactsDuplicate', { file, line, customer });
    seen.add(customer);
    return { customer, contacted: YES.has(flag), channel: channelAt ? (r[channelAt] ?? null) : null, date };
  });
}

function isoDate(text: string): string | null {
  const m = /^(\d{4})[-./]?(\d{1,2})[-./]?(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
