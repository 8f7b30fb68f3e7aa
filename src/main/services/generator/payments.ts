import { ymdOf, yymmddOf, type Calendar } from './calendar';
import type { Demographics } from './customers';
import type { Traits } from './behaviour';
import { PARAMS, RETAIL } from './params';
import { cumulative, pick, type Rng } from './random';
import type { ReceiptLog } from './purchases';

/**
 * L.pay payments (06_LPAY) of adopters (adoption rises with loyalty, see behaviour.ts): a share of
 * their purchase receipts paid by L.pay (same chain, channel, day, hour and amount, so they join
 * back to the receipts), more often online; plus payments at chains and affiliates not in the
 * purchase file, on days of their activity profile.
 */
export class PaymentContext {
  private seq = 0;
  constructor(readonly cal: Calendar) {}

  customer(rng: Rng, demo: Demographics, t: Traits, log: ReceiptLog): [string, number] {
    if (!t.lpayUser) return ['', 0];
    const L = PARAMS.lpay;
    let text = '';
    let n = 0;
    const row = (code: string, online: boolean, day: number, hour: number, amount: number) => {
      const rct = `${yymmddOf(this.cal, day)}${String(hour).padStart(2, '0')}${String(++this.seq).padStart(7, '0')}`;
      text += `${demo.id},${rct},${code},${online ? 2 : 1},${ymdOf(this.cal, day)},${hour},${amount}\r\n`;
      n++;
    };
    for (let r = 0; r < log.count; r++) {
      const p = Math.min(0.95, t.payShare * (log.online[r] ? L.onlinePayBoost : 1));
      if (rng.next() < p) row(RETAIL[log.chain[r]], log.online[r] === 1, log.day[r], log.hour[r], Math.round(log.total[r]));
    }
    const chainCum = cumulative(t.chain);
    const extraRetail = rng.poisson(L.otherRetailRowsMean * t.activeShare);
    const extraService = rng.poisson(L.serviceRowsMean * t.activeShare);
    for (let i = 0; i < extraRetail + extraService; i++) {
      const code = i < extraRetail ? RETAIL[Math.max(0, pick(chainCum, rng.next()))] : L.otherCodes[rng.int(L.otherCodes.length)];
      const online = code === 'A06' || rng.chance(L.otherOnlineShare);
      const day = pick(t.dayCum, rng.next());
      const hour = online ? rng.int(24) : 10 + rng.int(11);
      const amount = Math.max(10, Math.round(rng.lognormal(Math.log(L.amount[0]), L.amount[1]) / 10) * 10);
      row(code, online, day, hour, amount);
    }
    return [text, n];
  }
}
