import { addDays, daysBetween } from './dates/calendar';

/**
 * The default cut-off of a time split (recommendations, validation): the first day of the month two
 * months before the window's last, so the last three months are observed (2021-10-01 for a calendar
 * year); a window shorter than that is cut three quarters in.
 */
export function defaultCutoff(window: { from: string; to: string }): string {
  const [y, m] = window.to.split('-').map(Number);
  const months = y * 12 + (m - 1) - 2;
  const cutoff = `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`;
  return cutoff > window.from ? cutoff : addDays(window.from, Math.max(1, Math.floor(daysBetween(window.from, window.to) * 0.75)));
}
