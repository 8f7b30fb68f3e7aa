import iconv from 'iconv-lite';
import { keyedError, type AppError } from '../../../shared/errors';

const QUESTION = 0x3f;

/**
 * Text as CP949 (Korean Windows, what older Korean Excel expects), or null where some character
 * has no CP949 code: iconv-lite would write '?' for it, and a changed name or address in a target
 * list must never pass unnoticed. The check is exact: 0x3F is never a trail byte in CP949, so
 * the bytes hold more '?' than the text exactly when something was replaced.
 */
export function encodeCp949(text: string): Buffer | null {
  const bytes = iconv.encode(text, 'cp949');
  return countByte(bytes, QUESTION) === countChar(text, '?') ? bytes : null;
}

/** The first character of `text` that CP949 cannot hold, or null. */
export function firstUnencodable(text: string): string | null {
  if (!/[\u0080-\uffff]/.test(text)) return null;
  for (const char of text) {
    if (char.charCodeAt(0) >= 0x80 && encodeCp949(char) === null) return char;
  }
  return null;
}

/**
 * The refusal when a value cannot be written in CP949: names the character, the value (cut to 40
 * characters), its column and its data row (1 = the first row under the header; 0 = the header).
 */
export function unencodableError(char: string, value: string, column: string, row: number): AppError {
  const shown = [...value].length > 40 ? `${[...value].slice(0, 40).join('')}…` : value;
  const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return keyedError(
    'BAD_ARGUMENT',
    `CP949 cannot hold "${char}" (${codePoint}) in "${shown}" (column ${column}, row ${row}); nothing was written. Save as UTF-8 instead, or change the value.`,
    'cp949Unencodable',
    { char, codePoint, value: shown, column, row },
  );
}

function countByte(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n += 1;
  return n;
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}
