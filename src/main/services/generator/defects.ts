import { PARAMS } from './params';
import { rngFor } from './random';

/**
 * Planted bad purchase lines: each is a copy of the last good line with one field broken, so
 * the importer rejects it for exactly one reason (its reason names, see lpointMapping.ts).
 */
export type DefectReason = 'bad_date' | 'bad_hour' | 'missing_customer' | 'bad_amount' | 'bad_count' | 'unknown_chain' | 'unknown_product' | 'column_count';

export interface PlantedDefect {
  /** Physical line in the purchase file (the header is line 1). */
  line: number;
  reason: DefectReason;
  raw: string;
}

/** Which customers get a defect line after theirs: customer index → reasons, in a stable order. */
export function defectSchedule(seed: number, customers: number): Map<number, DefectReason[]> {
  const rng = rngFor(seed, 'defects');
  const schedule = new Map<number, DefectReason[]>();
  for (const [reason, perThousand] of Object.entries(PARAMS.defects.perThousand) as [DefectReason, number][]) {
    const count = Math.max(1, Math.round((perThousand * customers) / 1000));
    for (let k = 0; k < count; k++) {
      const i = rng.int(customers);
      if (!schedule.has(i)) schedule.set(i, []);
      schedule.get(i)!.push(reason);
    }
  }
  return schedule;
}

/** The defect line built from a good line (fields cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct). */
export function breakLine(good: string, reason: DefectReason, year: number, k: number): string {
  const f = good.split(',');
  switch (reason) {
    case 'bad_date':
      f[6] = [`${year}0230`, `${year}1301`, `${year}-07-15`, `${year}0931`][k % 4];
      break;
    case 'bad_hour':
      f[7] = k % 2 ? '25' : '24';
      break;
    case 'missing_customer':
      f[0] = '';
      break;
    case 'bad_amount':
      f[8] = k % 2 ? 'N/A' : '1980원';
      break;
    case 'bad_count':
      f[9] = k % 2 ? 'x' : '한개';
      break;
    case 'unknown_chain':
      f[3] = 'A09';
      break;
    case 'unknown_product':
      f[5] = `PD${9001 + (k % 999)}`;
      break;
    case 'column_count':
      f.pop();
      break;
  }
  return f.join(',');
}
