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

/** Another system's columns for the contact file (see readbackSchema.map). */
export interface ContactMap {
  customer: string;
  contacted: string;
  date: string;
  channel?: string;
  yes?: string[];
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
export async function readContacts(db: Sql, path: string, map?: ContactMap): Promise<Contact[]> {
  const file = basename(path);
  const { columns, rows } = await readTable(db, path);
  const find = (names: readonly string[]) => names.find((n) => columns.includes(n)) ?? null;
  // A map names the file's own columns; without one, the app's own headings.
  const wanted = map
    ? { customer: [map.customer], contacted: [map.contacted], date: [map.date], channel: map.channel ? [map.channel] : [] }
    : COLUMNS;
  const customerAt = find(wanted.customer);
  const contactedAt = find(wanted.contacted);
  const dateAt = find(wanted.date);
  const channelAt = find(wanted.channel);
  for (const [names, at] of [[wanted.customer, customerAt], [wanted.contacted, contactedAt], [wanted.date, dateAt]] as const) {
    if (!at) throw keyedError('BAD_FILE', `${file} has no ${names.join(' / ')} column.`, 'contactsColumn', { file, column: names.join(' / ') });
  }
  if (map?.channel && !channelAt) throw keyedError('BAD_FILE', `${file} has no ${map.channel} column.`, 'contactsColumn', { file, column: map.channel });
  const yes = map?.yes ? new Set(map.yes.map((v) => v.trim().toLowerCase())) : YES;
  const no = map?.yes ? null : NO;
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const line = i + 2;
    const customer = (r[customerAt!] ?? '').trim();
    const flag = (r[contactedAt!] ?? '').trim().toLowerCase();
    const date = isoDate(r[dateAt!] ?? '');
    // With a map's own "yes" values every other value means not contacted.
    if (!customer || !(yes.has(flag) || !no || no.has(flag)) || !date) {
      throw keyedError('BAD_FILE', `${file} line ${line} cannot be read (customer "${customer}", contacted "${flag}", date "${r[dateAt!] ?? ''}").`, 'contactsBadRow', { file, line });
    }
    if (seen.has(customer)) throw keyedError('BAD_FILE', `${file} lists customer ${customer} twice (line ${line}).`, 'contactsDuplicate', { file, line, customer });
    seen.add(customer);
    return { customer, contacted: yes.has(flag), channel: channelAt ? (r[channelAt] ?? null) : null, date };
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
