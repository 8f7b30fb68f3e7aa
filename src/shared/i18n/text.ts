export type Lang = 'ko' | 'en';
export type Text = { ko: string; en: string };

/** '{n} rows' with { n: 3 } → '3 rows'; an unknown placeholder stays as it is. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
