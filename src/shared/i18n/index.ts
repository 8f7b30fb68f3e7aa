import type { Lang } from './text';
import { churnStrings } from './ui/churn';
import { clustersStrings } from './ui/clusters';
import { commonStrings } from './ui/common';
import { dataStrings } from './ui/data';
import { recommendStrings } from './ui/recommend';
import { segmentsStrings } from './ui/segments';
import { validationStrings } from './ui/validation';
import { exportStrings } from './ui/export';
import { readbackStrings } from './ui/readback';

/**
 * The one table of words the product shows: UI strings, chart labels, chain and tier names, CSV
 * headings and the CLI's table labels. Korean first (the default), English second. Pure data and
 * lookups: the renderer, the chart builders, the services that write CSV and the CLI all read it.
 * Kept in files by area (ui/ per page, messages, charts, names, csv, features); this is its whole
 * public surface.
 */
export { fill, type Lang, type Text } from './text';
export * from './messages';
export * from './charts';
export * from './names';
export * from './csv';
export * from './features';
export * from './reasons';
export * from './exportList';
export * from './report';

/** Every UI string, in one table: Korean first (the default), English second. */
export const STRINGS = { ...commonStrings, ...dataStrings, ...segmentsStrings, ...churnStrings, ...clustersStrings, ...recommendStrings, ...validationStrings, ...exportStrings, ...readbackStrings } as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}
