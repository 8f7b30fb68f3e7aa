import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CampaignSimulateArgs, CampaignSimulateResult, SimulationManifest, SimulationTruth } from '../../../shared/campaignSimulation';
import { keyedError } from '../../../shared/errors';
import { LPOINT_FILES } from '../../../shared/lpointFiles';
import { APP_VERSION } from '../../../shared/version';
import { cumulative, pick, rngFor } from '../generator/random';
import type { Project } from '../project/projectStore';
import { dataFingerprint } from '../runs/runs';
import { type Habit, LOOKBACK_DAYS, projectHabits } from './habits';
import { readListFile, type ListFile } from '../export/listFile';
import { addDays, compactDate, writeTextAtomic } from './output';

/** Days of the list's mean rate a customer's own rate is shrunk with (gamma–Poisson prior strength). */
export const PRIOR_DAYS = 30;
/** The chance a buyer buys each product recommended to them anyway, contacted or not. */
export const REC_BASELINE = 0.02;
const MAX_RECEIPTS = 60;
const MAX_LINES = 30;
/** Contact channels and their shares; customers who usually buy online get the app push more often. */
const CHANNELS = ['문자', '앱푸시', '이메일'] as const;
const CHANNEL_WEIGHTS = { offline: cumulative([0.6, 0.25, 0.15]), online: cumulative([0.3, 0.55, 0.15]) };

export const CONTACTS_FILE = 'contacts.csv';
export const SIMULATION_MANIFEST = 'simulation.manifest.json';
const PURCHASES = LPOINT_FILES.find((f) => f.kind === 'purchases')!;

/**
 * Simulates a campaign on an exported list: who bought in the `days` after the project's last
 * purchase day D and what, with a known uplift on the contacted. Per customer a baseline probability
 * 1 − exp(−rate × days) from their receipts per day over the last 90 days, shrunk toward the list's
 * mean rate; the contacted get + uplift (capped at 1). Buyers get 1 + Poisson receipts spread over the
 * window, lines from their own past products at their own prices, at their usual chain, branch and
 * channel; each product recommended to a buyer is added with REC_BASELINE (+ recUplift when contacted).
 * Everything is drawn from rngFor(seed, …) streams keyed by customer: the same seed gives the same bytes.
 */
export async function simulateCampaign(project: Project, args: CampaignSimulateArgs): Promise<CampaignSimulateResult> {
  const { db } = project;
  const file = await readListFile(db, args.list);
  await checkListBelongs(project, file);
  // In customer order whatever the file's format, so the same seed gives the same bytes.
  const list = {
    ...file,
    customers: file.customers
      .map((c) => ({ customer: c.customer, contacted: !c.control, recs: c.recommended }))
      .sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0)),
  };
  const recProducts = [...new Set(list.customers.flatMap((c) => c.recs))].sort();
  const facts = await projectHabits(
    db,
    list.customers.map((c) => c.customer),
    recProducts,
  );
  const D = facts.lastDay;
  const from = addDays(D, 1);
  const to = addDays(D, args.days);
  const dayCodes = Array.from({ length: args.days }, (_, k) => compactDate(addDays(D, k + 1)));

  // The list's mean daily rate: the prior a customer's own rate is shrunk toward.
  let recentSum = 0;
  let exposureSum = 0;
  for (const h of facts.habits.values()) {
    recentSum += h.recentReceipts;
    exposureSum += h.exposureDays;
  }
  const meanRate = exposureSum > 0 ? recentSum / exposureSum : 0;
  const fallback = pooledHabit(facts.habits);
  const seq = new Map(facts.receiptSeq);
  const nextReceipt = (chain: string, channel: number) => {
    const prefix = channel === 2 ? `E0${chain.slice(-1)}` : chain;
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    return `${prefix}${String(n).padStart(9, '0')}`;
  };

  const sums = { base: { contact: 0, control: 0 }, used: { contact: 0, control: 0 }, applied: 0 };
  const counts: SimulationTruth['counts'] = {
    listed: list.customers.length,
    contacted: 0,
    control: 0,
    buyers: { contact: 0, control: 0 },
    receipts: 0,
    lines: 0,
    recommendedListed: { contact: 0, control: 0 },
    recommendedBought: { contact: 0, control: 0 },
  };
  const contactRows: string[] = [];
  const lines: string[] = [];
  const sendDay = from;
  for (const c of list.customers) {
    const group = c.contacted ? 'contact' : 'control';
    const habit = facts.habits.get(c.customer);
    const rate = habit ? (habit.recentReceipts + meanRate * PRIOR_DAYS) / (habit.exposureDays + PRIOR_DAYS) : meanRate;
    const lambda = rate * args.days;
    const base = 1 - Math.exp(-lambda);
    const p = c.contacted ? Math.min(1, base + args.uplift) : base;
    if (c.contacted) {
      counts.contacted++;
      sums.applied += p - base;
    } else counts.control++;
    sums.base[group] += base;
    sums.used[group] += p;
    const rng = rngFor(args.seed, `campaign:${c.customer}`);
    const recRng = rngFor(args.seed, `campaign-rec:${c.customer}`);
    const channelRng = rngFor(args.seed, `campaign-channel:${c.customer}`);
    const usual = habit?.products.length ? habit : fallback;
    if (c.contacted) {
      const weights = (habit?.channel ?? usual?.channel) === 2 ? CHANNEL_WEIGHTS.online : CHANNEL_WEIGHTS.offline;
      contactRows.push(`${c.customer},Y,${CHANNELS[pick(weights, channelRng.next())]},${sendDay}\r\n`);
    } else contactRows.push(`${c.customer},N,,${sendDay}\r\n`);
    const recs = c.recs.filter((r) => facts.prices.has(r));
    counts.recommendedListed[group] += recs.length;
    const u = rng.next();
    if (u >= p || !usual) continue;
    counts.buyers[group]++;

    // Receipts: 1 + Poisson, so that the mean count given a purchase is about λ / P(buy).
    const extra = Math.max(0, lambda / Math.max(base, 1e-9) - 1);
    const n = Math.min(MAX_RECEIPTS, 1 + rng.poisson(extra));
    const days = Array.from({ length: n }, () => rng.int(args.days)).sort((a, b) => a - b);
    const cum = cumulative(usual.products.map((x) => x.lines));
    const receipts: { prefix: string; middle: string; products: Set<string>; lines: string[] }[] = [];
    const chain = habit?.chain ?? usual.chain;
    const channel = habit?.channel ?? usual.channel;
    const branch = channel === 2 ? '' : (habit?.branch ?? usual.branch ?? '');
    const hour = habit?.hour ?? usual.hour;
    for (const day of days) {
      const rct = nextReceipt(chain, channel);
      const prefix = `${c.customer},${rct},${channel},${chain},${branch},`;
      const middle = `,${dayCodes[day]},${hour},`;
      const receipt = { prefix, middle, products: new Set<string>(), lines: [] as string[] };
      const want = Math.min(MAX_LINES, 1 + rng.poisson(Math.max(0, (habit?.linesPerReceipt ?? usual.linesPerReceipt) - 1)));
      for (let k = 0; k < want; k++) {
        const item = usual.products[pick(cum, rng.next())];
        if (!item || receipt.products.has(item.code)) continue;
        receipt.products.add(item.code);
        receipt.lines.push(`${prefix}${item.code}${middle}${Math.max(1, Math.round(item.unit * item.quantity))}.0,${item.quantity}\r\n`);
      }
      receipts.push(receipt);
    }
    // Recommended products: the baseline for everyone, the extra chance for the contacted.
    const recChance = REC_BASELINE + (c.contacted ? args.recUplift : 0);
    for (const code of recs) {
      const into = receipts[recRng.int(receipts.length)];
      if (!recRng.chance(recChance) || into.products.has(code)) continue;
      into.products.add(code);
      into.lines.push(`${into.prefix}${code}${into.middle}${Math.max(1, Math.round(facts.prices.get(code)!))}.0,1\r\n`);
      counts.recommendedBought[group]++;
    }
    for (const r of receipts) {
      if (!r.lines.length) continue;
      counts.receipts++;
      counts.lines += r.lines.length;
      lines.push(...r.lines);
    }
  }

  const mean = (sum: number, n: number) => (n ? round6(sum / n) : 0);
  const truth: SimulationTruth = {
    seed: args.seed,
    days: args.days,
    lastPurchaseDay: D,
    window: { from, to },
    uplift: { asked: args.uplift, applied: mean(sums.applied, counts.contacted) },
    recUplift: args.recUplift,
    recBaseline: REC_BASELINE,
    baseRates: { contact: mean(sums.base.contact, counts.contacted), control: mean(sums.base.control, counts.control) },
    expectedRates: { contact: mean(sums.used.contact, counts.contacted), control: mean(sums.used.control, counts.control) },
    model: { lookbackDays: LOOKBACK_DAYS, priorDays: PRIOR_DAYS, listMeanDailyRate: round6(meanRate) },
    counts,
    list: { file: list.path, manifest: list.manifestPath, project: list.manifest.project, dataFingerprint: list.manifest.dataFingerprint },
  };

  const out = resolve(args.out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    const reason = (error as Error).message;
    throw keyedError('IO', `Cannot create the folder ${out}: ${reason}`, 'folderCreateFailed', { folder: out, reason });
  }
  const contacts = join(out, CONTACTS_FILE);
  const purchases = join(out, PURCHASES.fileName);
  const manifestPath = join(out, SIMULATION_MANIFEST);
  writeTextAtomic(contacts, '\uFEFF고객번호,발송여부,채널,발송일\r\n' + contactRows.join(''));
  writeTextAtomic(purchases, PURCHASES.columns.join(',') + '\r\n' + lines.join(''));
  const manifest: SimulationManifest = { kind: 'campaign-simulation', appVersion: APP_VERSION, ...truth, files: { contacts: CONTACTS_FILE, purchases: PURCHASES.fileName } };
  writeTextAtomic(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { contacts, purchases, manifest: manifestPath, truth };
}

/** A list is simulated only on the project and data it was drawn from. */
async function checkListBelongs(project: Project, list: ListFile): Promise<void> {
  const fingerprint = await dataFingerprint(project.db);
  const sameProject = resolve(list.manifest.project ?? '') === resolve(project.dir);
  if (!sameProject || list.manifest.dataFingerprint !== fingerprint) {
    throw keyedError(
      'BAD_ARGUMENT',
      `The list ${list.path} was drawn from another project or other data (its manifest says ${list.manifest.project}, data ${list.manifest.dataFingerprint}; this project's data is ${fingerprint}). Export the list again from this project.`,
      'simulateListOtherProject',
      { file: list.path, project: String(list.manifest.project ?? '') },
    );
  }
}

/** For listed customers without any purchase: the list's pooled products and its most common place. */
function pooledHabit(habits: Map<string, Habit>): Habit | null {
  const products = new Map<string, Habit['products'][number]>();
  const places = new Map<string, number>();
  let first: Habit | null = null;
  for (const h of habits.values()) {
    first ??= h;
    const place = `${h.chain}|${h.channel}|${h.branch ?? ''}`;
    places.set(place, (places.get(place) ?? 0) + 1);
    for (const p of h.products) {
      const known = products.get(p.code);
      if (known) known.lines += p.lines;
      else products.set(p.code, { ...p });
    }
  }
  if (!first) return null;
  const [place] = [...places.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const [chain, channel, branch] = place.split('|');
  const top = [...products.values()].sort((a, b) => b.lines - a.lines || (a.code < b.code ? -1 : 1)).slice(0, 50);
  return { ...first, chain, channel: Number(channel), branch: branch || null, products: top };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
