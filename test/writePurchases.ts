import { closeSync, openSync, writeSync } from 'node:fs';
import { LPOINT_FILES } from '../src/shared/lpointFiles';

/** Writes a valid L.POINT purchase file of `lines` rows (CRLF, UTF-8) quickly, for tests that need size. */
export function writePurchases(path: string, lines: number, customers = 1000): void {
  const fd = openSync(path, 'w');
  try {
    const header = LPOINT_FILES.find((f) => f.kind === 'purchases')!.columns.join(',');
    writeSync(fd, header + '\r\n');
    let chunk = '';
    for (let i = 0; i < lines; i++) {
      const cust = `M${String(1 + (i % customers)).padStart(9, '0')}`;
      const day = 1 + (i % 28);
      const month = 1 + (Math.floor(i / 28) % 12);
      const date = `2021${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      chunk += `${cust},A02${String(i).padStart(9, '0')},1,A02,A020001,PD000${1 + (i % 4)},${date},${i % 24},${1000 + (i % 50) * 20},1\r\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
