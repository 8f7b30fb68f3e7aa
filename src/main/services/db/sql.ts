/** Identifiers and literals for SQL text that cannot take a bound value (table functions' paths, column names). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('text with a NUL character cannot be used in SQL');
  return `'${text.replace(/'/g, "''")}'`;
}
