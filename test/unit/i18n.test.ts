import { describe, expect, it } from 'vitest';
import * as i18n from '../../src/shared/i18n';

describe('the word table', () => {
  it('fills placeholders by name and leaves unknown ones as they are', () => {
    expect(i18n.fill('{n}원', { n: '1,234' })).toBe('1,234원');
    expect(i18n.fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(i18n.fill('{constructor}', {})).toBe('{constructor}');
  });

  it('has both languages for every entry of every table', () => {
    const tables = [
      i18n.STRINGS,
      i18n.ERROR_MESSAGES,
      i18n.FIELD_NAMES,
      i18n.ISSUE_TEXTS,
      i18n.DETAIL_TEXTS,
      i18n.REASON_LABELS,
      i18n.CHART_LABELS,
      i18n.CHAIN_NAMES,
      i18n.UNIT_AFFIXES,
      i18n.SEGMENT_CSV_HEADINGS,
      i18n.CLI_SEGMENT_LABELS,
    ];
    const missing = tables.flatMap((table) =>
      Object.entries(table as Record<string, i18n.Text>).filter(([, text]) => typeof text.ko !== 'string' || typeof text.en !== 'string' || !text.ko),
    );
    expect(missing).toEqual([]);
    expect(i18n.DEFAULT_TIER_NAMES.ko).toHaveLength(i18n.DEFAULT_TIER_NAMES.en.length);
  });
});
