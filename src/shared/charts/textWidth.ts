/**
 * Text widths estimated without a DOM, so a builder can reserve room for a wrapped title or legend.
 * Deliberately on the wide side (close to DejaVu Sans Bold, the widest sans-serif the charts meet):
 * reserving a little too much room leaves a gap, reserving too little lets texts collide.
 */

/** Width in em of one character. Hangul and other wide scripts take a full em. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1100) return ch === '·' ? 0.4 : 1;
  if (/[0-9]/.test(ch)) return 0.7;
  if (/[IJ]/.test(ch)) return 0.4;
  if (/[MW]/.test(ch)) return 1.1;
  if (/[A-Z]/.test(ch)) return 0.85;
  if (/[ijl]/.test(ch)) return 0.36;
  if (/[frt]/.test(ch)) return 0.52;
  if (/[mw]/.test(ch)) return 1.05;
  if (/[a-z]/.test(ch)) return 0.72;
  if (/[ .,:;'|/!]/.test(ch)) return 0.42;
  if (/[()[\]-]/.test(ch)) return 0.48;
  if (ch === '·') return 0.4;
  return 1; // – → … ₩ ~ % + & and the rest
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** Characters ECharts keeps together in a word when it breaks lines: Latin and the like, not , & ? / ; ] or space. */
function inWord(ch: string): boolean {
  const c = ch.charCodeAt(0);
  const letter = (c >= 0x21 && c <= 0x24f) || (c >= 0x370 && c <= 0x10ff) || (c >= 0x1200 && c <= 0x13ff) || (c >= 0x1e00 && c <= 0x206f);
  return letter && !',&?/;]'.includes(ch);
}

/**
 * Lines a text takes when broken to fit maxWidth, as ECharts' overflow 'break' does it: words stay
 * whole (a word longer than the line is cut), any other character (Hangul included) may end a line.
 */
export function lineCount(text: string, maxWidth: number, fontSize: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const tokens: string[] = [];
    for (const ch of paragraph) {
      if (inWord(ch) && tokens.length && inWord(tokens[tokens.length - 1].slice(-1))) tokens[tokens.length - 1] += ch;
      else tokens.push(ch);
    }
    let x = 0;
    lines += 1;
    for (const token of tokens) {
      const w = textWidth(token, fontSize);
      if (x > 0 && x + w > maxWidth && token !== ' ') {
        lines += 1 + Math.floor(Math.max(0, w - maxWidth) / maxWidth);
        x = w % maxWidth;
      } else {
        x += w;
      }
    }
  }
  return lines;
}
