import type { WireIssue } from './errors';
import { FIELD_NAMES, fill, ISSUE_TEXTS, type Lang } from './i18n';

/** The input an issue is about, as the analyst knows it: the longest known prefix of its path. */
export function fieldName(path: string[], lang: Lang): string {
  for (let n = path.length; n > 0; n--) {
    const name = FIELD_NAMES[path.slice(0, n).join('.')];
    if (name) return name[lang];
  }
  return path.length ? path.join('.') : lang === 'ko' ? '입력값' : 'Input';
}

/** One argument problem in the UI language, naming the input to fix. */
export function describeIssue(issue: WireIssue, lang: Lang): string {
  const field = fieldName(issue.path, lang);
  const values: Record<string, string | number> = { field, message: issue.message, ...(issue.params ?? {}) };
  if (issue.minimum !== undefined) values.min = issue.minimum;
  if (issue.maximum !== undefined) values.max = issue.maximum;
  const origin = issue.origin === 'array' || issue.origin === 'set' ? '_array' : issue.origin === 'string' ? '_string' : '';
  const text =
    (issue.key && ISSUE_TEXTS[issue.key]) ||
    (issue.code && ISSUE_TEXTS[`${issue.code}${origin}`]) ||
    (issue.code && issue.code !== 'custom' && ISSUE_TEXTS[issue.code]) ||
    ISSUE_TEXTS.other;
  return fill(text[lang], values);
}
