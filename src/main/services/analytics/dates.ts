import { addDays as addCalendarDays } from '../../../shared/dates/calendar';

/** Calendar arithmetic on ISO days (YYYY-MM-DD), by integer arithmetic: right for years 0001–9999, no time zone. */
export function addDays(iso: string, days: number): string {
  return addCalendarDays(iso, days);
}
