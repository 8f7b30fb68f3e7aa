import type { ArchetypeProfile } from './archetypes';
import { branchesNear, type Branches } from './branches';
import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import { REGION_CODES, type Demographics } from './customers';
import type { Traits } from './behaviour';
import { PARAMS, RETAIL } from './params';
import { cumulative, pick, type Rng } from './random';
import { Repertoire } from './repertoire';
import type { PersonalTaste } from './taste';

const T = PARAMS.taste;

/**
 * Purchase lines (02_PDDE) of one customer: receipts on days drawn from the customer's activity
 * profile, a chain per receipt from their chain affinity, a basket size per chain, and lines drawn
 * from the promoted category of the day, from the customer's per-chain repertoire (∝ weight × how
 * due each item is on its product-specific, personal cycle), or fresh: products new to the
 * customer, reached through the complements of what they own or drawn by their category taste,
 * life stages and favourite brands (taste.ts). A product in the basket pulls its complement into
 * the next line with some probability. Hours follow the chain's profile tilted by the customer's
 * archetype. The hot loop builds one string per customer and allocates nothing per line but that
 * string (the repertoires grow by doubling).
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
  /** Per customer scratch: products bought so far (mark and list), and each (chain, product)'s repertoire index or -1. */
  private readonly owned: Uint8Array;
  private readonly ownedList: number[] = [];
  private readonly slot: Int32Array;
  private readonly amountText = new Map<number, string>();

  constructor(
    readonly catalog: Catalog,
    readonly cal: Calendar,
    readonly branches: Branches,
    readonly profiles: ArchetypeProfile[],
  ) {
    this.countCum = cumulative(PARAMS.countTable.map(([, w]) => w));
    this.countValues = PARAMS.countTable.map(([v]) => String(v));
    this.owned = new Uint8Array(catalog.code.length);
    this.slot = new Int32Array(catalog.code.length * RETAIL.length).fill(-1);
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
  customer(rng: Rng, demo: Demographics, t: Traits, taste: PersonalTaste): [string, number] {
    const log = this.log;
    log.count = 0;
    if (!t.buyer || t.activeShare <= 0) return ['', 0];
    const { catalog, cal } = this;
    const P = PARAMS.customers;
    const C = PARAMS.chains;
    const profile = this.profiles[t.archetype];
    // Personal repurchase cycle: heavier buyers (bigger households) run through a product sooner.
    const cycle = Math.exp(-P.cycleRateSlope * t.rateZ);
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
    const reps: (Repertoire | null)[] = [];
    const products = catalog.code.length;
    const slot = this.slot;
    for (let c = 0; c < RETAIL.length; c++) {
      if (perChain[c] === 0) {
        catCum.push(null);
        homes.push([]);
        reps.push(null);
        continue;
      }
      const chain = RETAIL[c];
      const byChain = catalog.byChain[chain];
      const w = new Float64Array(t.taste.length);
      for (let k = 0; k < w.length; k++) w[k] = byChain.categoryWeight[k] * t.taste[k] * taste.categoryFactor[k];
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
      const rep = new Repertoire(size * 2);
      for (let tries = 0; rep.n < size && tries < size * 4; tries++) {
        const k = pick(cc, rng.next());
        if (k < 0) break;
        const p = this.inCategory(rng, k, taste);
        if (slot[c * products + p] >= 0) continue;
        slot[c * products + p] = rep.add(p, rng.gamma(P.repertoireShape), -1e9);
      }
      reps.push(rep);
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
      const promoOk = promoCat >= 0 && catalog.byChain[chain].categoryWeight[promoCat] > 0 && taste.categoryFactor[promoCat] > 0;
      const rep = reps[c]!;
      let total = 0;
      let inBasket = 0;
      let pending = -1;
      for (let k = 0; k < size; k++) {
        let p = -1;
        let promoted = false;
        for (let attempt = 0; attempt < 4 && p < 0; attempt++) {
          let cand = -1;
          promoted = false;
          if (pending >= 0) {
            cand = pending;
            pending = -1;
          } else if (promoOk && rng.next() < promo.lineShare) {
            cand = this.inCategory(rng, promoCat, taste);
            promoted = true;
          } else if (rep.n > 0 && rng.next() >= C.freshShare[chain]) {
            // A repertoire item ∝ weight × how due it is (its personal cycle since the last purchase); the less due
            // the item drawn, the likelier something new instead.
            const r = rep.pickDue(rng, day, catalog.interval, cycle, P.repurchasePower);
            cand = r < 0 || rng.next() < P.notDueFresh * (1 - rep.picked) ? this.fresh(rng, c, catCum[c]!, rep, taste) : rep.items[r];
          } else {
            cand = this.fresh(rng, c, catCum[c]!, rep, taste);
          }
          if (cand < 0) break;
          // Durables and online-mall items are seldom bought twice: a product the customer owns passes with probability rebuy,
          // else the attempt goes to a new one (fresh draws look for one); with none found the line is not bought.
          if (C.rebuy[chain] < 1 && this.owned[cand] && rng.next() >= C.rebuy[chain]) continue;
          let dup = false;
          for (let j = 0; j < inBasket; j++) if (basket[j] === cand) dup = true;
          if (!dup) p = cand;
        }
        if (p < 0) continue;
        // A product new to the chain's repertoire joins it (becomes a habit) with probability adoptShare.
        const at = c * products + p;
        if (slot[at] >= 0) rep.last[slot[at]] = day;
        else if (rng.next() < T.adoptShare) slot[at] = rep.add(p, rng.gamma(P.repertoireShape), day);
        if (!this.owned[p]) {
          this.owned[p] = 1;
          this.ownedList.push(p);
        }
        // Its complement, if it has one the chain sells and the customer would buy, takes the next line with some probability.
        const partner = catalog.complement[p];
        if (partner >= 0 && this.buys(chain, partner, taste) && rng.next() < (this.owned[partner] ? T.complements.joinHabit : T.complements.join)) pending = partner;
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
    for (let c = 0; c < RETAIL.length; c++) {
      const rep = reps[c];
      if (rep) for (let k = 0; k < rep.n; k++) slot[c * products + rep.items[k]] = -1;
    }
    for (const p of this.ownedList) this.owned[p] = 0;
    this.ownedList.length = 0;
    return [text, lines];
  }

  /** Whether the chain sells the product's category and the customer's life stages let them buy it. */
  private buys(chain: (typeof RETAIL)[number], p: number, taste: PersonalTaste): boolean {
    const k = this.catalog.category[p];
    return this.catalog.byChain[chain].categoryWeight[k] > 0 && taste.categoryFactor[k] > 0;
  }

  /** A product of category k: from the customer's favourite brands with probability brandLoyalty, else from the whole category; by popularity within. */
  private inCategory(rng: Rng, k: number, taste: PersonalTaste): number {
    const B = this.catalog.brands;
    if (rng.next() < T.brandLoyalty) {
      const b = rng.next() < T.firstBrandShare ? taste.first[k] : taste.second[k];
      return B.products[k][b][pick(B.cum[k][b], rng.next())];
    }
    return B.members[k][pick(B.memberCum[k], rng.next())];
  }

  /**
   * A product new to the customer where possible: first (with probability freshComplement) the
   * complement of a repertoire item, else a draw by the customer's category weights at the chain and
   * their brands; up to freshTries redraws while the product is one they already bought.
   */
  private fresh(rng: Rng, c: number, catCum: Float64Array, rep: Repertoire, taste: PersonalTaste): number {
    const { catalog } = this;
    let p = -1;
    for (let tries = 0; tries < T.freshTries; tries++) {
      if (rep.n > 0 && rng.next() < T.freshComplement) {
        const q = catalog.complement[rep.items[rep.pick(rng)]];
        if (q >= 0 && !this.owned[q] && this.buys(RETAIL[c], q, taste)) return q;
      }
      const k = pick(catCum, rng.next());
      if (k < 0) return -1;
      p = this.inCategory(rng, k, taste);
      if (!this.owned[p]) return p;
    }
    return p;
  }
}
