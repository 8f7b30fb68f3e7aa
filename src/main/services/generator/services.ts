import { branchesNear, type Branches } from './branches';
import { ymdOf, yymmddOf, type Calendar } from './calendar';
import { REGION_CODES, type Demographics } from './customers';
import type { Traits } from './behaviour';
import { PARAMS, SERVICE } from './params';
import { pick, type Rng } from './random';

/**
 * Affiliate-service use (03_COP_U): users take a lognormal number of rows, scaled by how much of
 * the year they are active (dropouts fade here too); a service chain per row from their age-tilted
 * preferences; visit day from their activity profile, booking day earlier for lodging and tickets.
 */
export class ServiceContext {
  private seq = 0;
  constructor(
    readonly cal: Calendar,
    readonly branches: Branches,
  ) {}

  customer(rng: Rng, demo: Demographics, t: Traits): [string, number] {
    if (!t.serviceUser || t.activeShare <= 0) return ['', 0];
    const S = PARAMS.services;
    const n = rng.poisson(t.serviceRows * t.activeShare);
    let text = '';
    const region = REGION_CODES[demo.region];
    for (let i = 0; i < n; i++) {
      const code = SERVICE[pick(t.serviceCum, rng.next())];
      const visit = pick(t.dayCum, rng.next());
      const leadMean = S.leadMean[code] ?? 0;
      let lead = leadMean > 0 ? rng.geometric(leadMean) : 0;
      // The published COP_U dates start on 2020-12-27: an earlier booking is redrawn within that span.
      if (visit - lead < -S.earliestBookingDays) lead = rng.int(visit + S.earliestBookingDays + 1);
      const day = visit - lead;
      const online = rng.chance(S.onlineShare);
      const hour = online ? rng.int(24) : 10 + rng.int(12);
      const near = branchesNear(this.branches, code, region);
      const branch = code === 'E01' && online && rng.chance(S.noBranchShare * 20) ? '' : near[rng.int(near.length)];
      const [median, sigma, step] = S.amount[code];
      const amount = Math.max(step, Math.round(rng.lognormal(Math.log(median), sigma) / step) * step);
      const rct = `${yymmddOf(this.cal, day)}${String(hour).padStart(2, '0')}${code}${String(++this.seq).padStart(7, '0')}`;
      text += `${demo.id},${rct},${code},${branch},${online ? 2 : 1},${ymdOf(this.cal, day)},${this.cal.ymd[visit]},${hour},${amount}\r\n`;
    }
    return [text, n];
  }
}
