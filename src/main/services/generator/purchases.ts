import type { ArchetypeProfile } from './archetypes';
import { branchesNear, type Branches } from './branches';
import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import { REGION_CODES, type Demographics } from './customers';
import type { Traits } from './behaviour';
import { PARAMS, RETAIL } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * Purchase lines (02_PDDE) of one customer: receipts on days drawn from the customer's activity
 * profile, a chain per receipt from their chain affinity, a basket size per chain, and lines drawn
 * from the customer's per-chain repertoire (repurchased at product-specific intervals), from
 * fresh taste-weighted draws, or from the promoted category of the day. Hours follow the chain's
 * profile tilted by the customer's archetype. The hot loop builds one
 * string per customer and allocates nothing per line but that string.
 */
export interface ReceiptLog {
  count: number;
  day: Int32Array;
  hour: Int8Array;
  chain: Int8Array;
  online: Uint8Array;
  total: Float64Array;
}

export class PurchaseContext {
  readonly countCum: Float64Array;
  readonly countValues: string[];
  /** Receipt counters per chain, offline and online. */
  readonly offlineSeq = new Int32Array(RETAIL.length);
  readonly onlineSeq = new Int32Array(RETAIL.length);
  readonly log: ReceiptLog = { count: 0, day: new Int32Array(1024), hour: new Int8Array(1024), chain: new Int8Array(1024), online: new Uint8Array(1024), total: new Float64Array(1024) };
  /** The last good line written (without CRLF), the template for planted defects. */
  lastLine = '';
  /** Exact duplicate lines written. */
  duplicates = 0;
  private readonly basket = new Int32Array(PARAMS.chains.maxBasket + 1);
  private readonly amountText = new Map<number, string>();

  constructor(
    readonly catalog: Catalog,
    readonly cal: Calendar,
    readonly branches: Branches,
    readonly profiles: ArchetypeProfile[],
  ) {
    this.countCum = cumulative(PARAMS.countTable.map(([, w]) => w));
    this.countValues = PARAMS.countTable.map(([v]) => String(v));
  }

  private amountString(amount: number): string {
    let s = this.amountText.get(amount);
    if (s === undefined) {
      s = `${amount}.0,`;
      if (this.amountText.size < 200_000) this.amountText.set(amount, s);
    }
    return s;
  }

  private ensureLog(n: number): void {
    const log = this.log;
    if (log.day.length >= n) return;
    const size = Math.max(n, log.day.length * 2);
    log.day = new Int32Array(size);
    log.hour = new Int8Array(size);
    log.chain = new Int8Array(size);
    log.online = new Uint8Array(size);
    log.total = new Float64Array(size);
  }

  /** Writes the customer's purchase lines; returns [text, line count]. Fills `log` with their receipts. */
  customer(rng: Rng, demo: Demographics, t: Traits): [string, number] {
    const log = this.log;
    log.count = 0;
    if (!t.buyer || t.activeShare <= 0) return ['', 0];
    const { catalog, cal } = this;
    const P = PARAMS.customers;
    const C = PARAMS.chains;
    const profile = this.profiles[t.archetype];
    const n = Math.min(P.maxReceipts, Math.max(1, rng.poisson(t.rate * t.activeShare)));
    this.ensureLog(n);

    // Receipt days, sorted; a chain per receipt.
    const days = new Int32Array(n);
    for (let i = 0; i < n; i++) days[i] = pick(t.dayCum, rng.next());
    days.sort();
    const chainCum = cumulative(t.chain);
    const chainOf = new Int8Array(n);
    const perChain = new Float64Array(RETAIL.length);
    for (let i = 0; i < n; i++) {
      const c = pick(chainCum, rng.next());
      chainOf[i] = c;
      perChain[c]++;
    }

    // Per chain: the customer's category weights, home branches and repertoire.
    const region = REGION_CODES[demo.region];
    const catCum: (Float64Array | null)[] = [];
    const homes: string[][] = [];
    const repItems: (Int32Array | null)[] = [];
    const repCum: (Float64Array | null)[] = [];
    const repLast: (Float64Array | null)[] = [];
    for (let c = 0; c < RETAIL.length; c++) {
      if (perChain[c] === 0) {
        catCum.push(null);
        homes.push([]);
        repItems.push(null);
        repCum.push(null);
        repLast.push(null);
        continue;
      }
      const chain = RETAIL[c];
      const byChain = catalog.byChain[chain];
      const w = new Float64Array(t.taste.length);
      for (let k = 0; k < w.length; k++) w[k] = byChain.categoryWeight[k] * t.taste[k];
      const cc = cumulative(w);
      catCum.push(cc);
      const near = branchesNear(this.branches, chain, region);
      const h: string[] = [];
      const nHome = 1 + rng.geometric(PARAMS.branches.homeBranchesExtraMean);
      for (let k = 0; k < nHome && near.length; k++) h.push(near[rng.int(near.length)]);
      homes.push(h);
      const meanBasket = C.basketP1[chain] + (1 - C.basketP1[chain]) * (2 + C.basketExtraMean[chain] * t.basket);
      const expectedLines = perChain[c] * meanBasket;
      const size = Math.round(Math.min(P.repertoireMax, Math.max(P.repertoireMin, P.repertoireA * Math.pow(expectedLines, P.repertoireB))));
      const items = new Int32Array(size);
      const weights = new Float64Array(size);
      let filled = 0;
      for (let tries = 0; filled < size && tries < size * 4; tries++) {
        const p = this.freshProduct(rng, chain, cc);
        if (p < 0) break;
        let dup = false;
        for (let j = 0; j < filled; j++) if (items[j] === p) dup = true;
        if (dup) continue;
        items[filled] = p;
        weights[filled] = rng.gamma(P.repertoireShape);
        filled++;
      }
      repItems.push(items.subarray(0, filled));
      repCum.push(cumulative(weights.subarray(0, filled)));
      repLast.push(new Float64Array(filled).fill(-1e9));
    }

    let text = '';
    let lines = 0;
    const dupRate = PARAMS.duplicates.rate;
    const pp = PARAMS.pricePoints;
    const promo = PARAMS.promotions;
    const basket = this.basket;
    for (let i = 0; i < n; i++) {
      const c = chainOf[i];
      const chain = RETAIL[c];
      let day = days[i];
      const online = chain === 'A06' || (C.online[chain] > 0 && rng.chance(Math.min(0.95, C.online[chain] * t.online)));
      if (!online && chain === 'A02' && cal.martClosed[day] && day > 0) day -= 1;
      const hour = pick(online ? profile.onlineHourCum : profile.hourCum[c], rng.next());
      let branch = '';
      if (!online) {
        const h = homes[c];
        if (h.length === 0 || rng.chance(PARAMS.branches.awayVisitShare)) {
          const all = this.branches.byChain.get(chain)!;
          branch = all[rng.int(all.length)];
        } else branch = h[rng.next() < 0.6 ? 0 : rng.int(h.length)];
      }
      const seq = online ? ++this.onlineSeq[c] : ++this.offlineSeq[c];
      const rct = `${online ? `E0${c + 1}` : chain}${String(seq).padStart(9, '0')}`;
      const prefix = `${demo.id},${rct},${online ? 2 : 1},${chain},${branch},`;
      const middle = `,${cal.ymd[day]},${hour},`;

      // Basket size: P(1) falls as the personal basket multiplier grows.
      const extra = C.basketExtraMean[chain] * t.basket * (online ? C.onlineBasket : 1);
      let size = rng.chance(Math.pow(C.basketP1[chain], t.basket)) ? 1 : 2 + rng.geometric(extra);
      if (size > C.maxBasket) size = C.maxBasket;

      const promoCat = cal.promotion[day];
      const promoOk = promoCat >= 0 && catalog.byChain[chain].products[promoCat].length > 0;
      const items = repItems[c]!;
      const rcum = repCum[c]!;
      const last = repLast[c]!;
      let total = 0;
      let inBasket = 0;
      for (let k = 0; k < size; k++) {
        let p = -1;
        let promoted = false;
        for (let attempt = 0; attempt < 4 && p < 0; attempt++) {
          let cand = -1;
          const u = rng.next();
          if (promoOk && u < promo.lineShare) {
            const byChain = catalog.byChain[chain];
            cand = byChain.products[promoCat][pick(byChain.cum[promoCat], rng.next())];
            promoted = true;
          } else if (items.length > 0 && u < promo.lineShare + P.repertoireShare) {
            let r = -1;
            for (let tr = 0; tr < P.repurchaseTries; tr++) {
              r = pick(rcum, rng.next());
              const elapsed = day - last[r];
              const ratio = elapsed / catalog.interval[items[r]];
              if (ratio >= 1 || rng.next() < Math.pow(ratio > 0 ? ratio : 0, P.repurchasePower)) break;
            }
            cand = items[r];
            last[r] = day;
          } else {
            cand = this.freshProduct(rng, chain, catCum[c]!);
          }
          if (cand < 0) break;
          let dup = false;
          for (let j = 0; j < inBasket; j++) if (basket[j] === cand) dup = true;
          if (!dup) p = cand;
        }
        if (p < 0) continue;
        basket[inBasket++] = p;
        let unit = catalog.price[p];
        if (promoted || catalog.category[p] === promoCat) unit = Math.max(10, Math.round((unit * promo.discount) / 10) * 10);
        if (rng.next() < pp.oddShare) unit = Math.max(10, Math.round((unit * (1 + pp.oddSpread * (rng.next() * 2 - 1))) / 10) * 10);
        let ct = '1';
        let ctN = 1;
        if (rng.next() >= catalog.ct1[p]) {
          ct = this.countValues[pick(this.countCum, rng.next())];
          ctN = Number(ct);
        }
        const amount = unit * ctN;
        total += amount;
        const line = prefix + catalog.code[p] + middle + this.amountString(amount) + ct;
        text += line + '\r\n';
        lines++;
        if (rng.next() < dupRate) {
          text += line + '\r\n';
          lines++;
          this.duplicates++;
        }
        this.lastLine = line;
      }
      if (inBasket === 0) continue;
      const r = log.count++;
      log.day[r] = day;
      log.hour[r] = hour;
      log.chain[r] = c;
      log.online[r] = online ? 1 : 0;
      log.total[r] = total;
    }
    return [text, lines];
  }

  /** A product drawn by the customer's category weights at the chain, then by popularity. */
  private freshProduct(rng: Rng, chain: (typeof RETAIL)[number], catCum: Float64Array): number {
    const k = pick(catCum, rng.next());
    if (k < 0) return -1;
    const byChain = this.catalog.byChain[chain];
    const members = byChain.products[k];
    if (members.length === 0) return -1;
    return members[pick(byChain.cum[k], rng.next())];
  }
}
