import type { WireIssue } from './errors';
import { DETAIL_TEXTS, FIELD_NAMES, fill, ISSUE_TEXTS, type Lang, type Text } from './i18n';

/** The input an issue is about, as the analyst knows it: the longest known prefix of its path. */
export function fieldName(path: string[], lang: Lang): string {
  for (let n = path.length; n > 0; n--) {
    const name = FIELD_NAMES[path.slice(0, n).join('.')];
    if (name) return name[lang];
  }
  return path.length ? path.join('.') : lang === 'ko' ? '입력값' : 'Input';
}

/** A service's keyed sentence: an input's (ISSUE_TEXTS, with {field}) or any other error's (DETAIL_TEXTS). */
export function keyedText(key: string): Text | undefined {
  return Object.hasOwn(ISSUE_TEXTS, key) ? ISSUE_TEXTS[key] : Object.hasOwn(DETAIL_TEXTS, key) ? DETAIL_TEXTS[key] : undefined;
}

/**
 * One problem in the UI language: an argument issue naming the input to fix, or a keyed error's
 * sentence (any code) with its values; the English message is used only when nothing else words it.
 */
export function describeIssue(issue: WireIssue, lang: Lang): string {
  const field = fieldName(issue.path, lang);
  const values: Record<string, string | number> = { field, message: issue.message, ...(issue.params ?? {}) };
  if (issue.minimum !== undefined) values.min = issue.minimum;
  if (issue.maximum !== undefined) values.max = issue.maximum;
  const origin = issue.origin === 'array' || issue.origin === 'set' ? '_array' : issue.origin === 'string' ? '_string' : '';
  const text =
    (issue.key && keyedText(issue.key)) ||
    (issue.code && ISSUE_TEXTS[`${issue.code}${origin}`]) ||
    (issue.code && issue.code !== 'custom' && ISSUE_TEXTS[issue.code]) ||
    ISSUE_TEXTS.other;
  return fill(text[lang], values);
}
