import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArgsIn, Method, Result } from '../shared/contract';
import type { CallContext } from '../main/app';
import { formatCalibration } from './formatCalibration';
import type { WireError } from '../shared/errors';
import type { ImportMapIn } from '../shared/mapping';
import { CHURN_MODELS, type ChurnModelName } from '../shared/models';
import { formatGenerate, formatImport, formatInfo } from './format';
import { formatSegments } from './formatSegments';
import { formatBgnbd, formatChurn } from './formatModels';
import { formatClusters } from './formatClusters';
import { formatRecommend } from './formatRecommend';
import { formatValidation } from './formatValidation';
import { formatExportPreview } from './formatExport';
import { formatReadback } from './formatReadback';
import { formatReport } from './formatReport';
import { RECOMMEND_MODELS, type RecommendModelName } from '../shared/recommend';
import { StderrProgress } from './progressBar';

const USAGE = `Campaign Workbench CLI

Usage: npm run -s workbench -- <command> [options]

Commands:
  create   --project DIR                         create an empty project folder
  import   --project DIR --lpoint DIR [--drop-duplicates] [--replace] [--max-reject-share PERCENT] [--append [--replace-dates]]
                                                 import the L.POINT files of a folder (creates the project if needed)
  import   --project DIR --purchases FILE --map MAP.json [--replace] [--drop-duplicates] [--save-map NAME]
           [--accept-date-warnings]              (dateFormat left out or "auto": inferred from the values)
                                                 import any purchase CSV/Parquet through a column mapping
  info     --project DIR                         tables, date range, data-quality report, rejects per reason
  rejects  --project DIR --out FILE.csv [--lang ko|en]
                                                 write every rejected row (UTF-8 with BOM; codes, or headings and reasons in ko/en)
  segment  --project DIR [--asof DATE] [--weights 0.3,0.2,0.5] [--bins 5] [--shares 20,20,20]
           [--periods 2021-01-01:2021-06-30,2021-07-01:2021-12-31] [--monetary amount|lines|quantity]
           [--customers NAME=VALUE,…] [--out FILE.csv] [--lang ko|en]
                                                 RFM tiers per period and the transition matrix (saved in the project)
  train churn --project DIR [--label binary|transition] [--population all|last-tier] [--periods A:B,C:D]
           [--models mlp,gbdt,logistic,tier,bgnbd] [--seed S]
                                                 train churn models on one split and compare them on the test customers
  train recommend --project DIR [--models popularity,itemknn,mf,preference,neumf,widedeep | --model M] [--from DATE --to DATE]
           [--cutoff DATE] [--chain A02 | --chain-mode pooled|per-chain|own-chain] [--cluster N|each [--cluster-run RUN]] [--negatives 49] [--k 10] [--seed S] [--epochs E] [--factors F]
           [--pretrain E] [--no-side-features] (NeuMF: pre-trained towers; without the side features in its MLP tower)
           [--allow-repurchase] [--exclude-top PERCENT] [--exclude-recent DAYS] [--variety POOL]
                                                 train recommenders, compare them (leave-one-out HR@10/NDCG@10 with N
                                                 negatives; time-split recall@10) and save each customer's top K
  evaluate ncf --train FILE --test FILE --negatives FILE [--epochs E] [--factors F] [--model neumf|gmf|mlp]
           [--lr 0.001] [--pretrain E --pretrain-lr 0.0001]
                                                 NeuMF on the NCF paper's MovieLens-1M split: hr10, ndcg10, seconds, samples/s per epoch
  score churn --project DIR [--run RUN_ID] [--model mlp|gbdt|logistic|tier|bgnbd]
                                                 every customer's current churn risk from a run (default: the latest, its best model)
  fit bgnbd --project DIR [--calibration-end DATE] [--from DATE] [--unit week|day]
                                                 BG/NBD (Fader, Hardie & Lee 2005) on repeat purchase days: r, alpha, a, b
  cluster  --project DIR [--features behaviour|consumption|both] [--k K|auto] [--from DATE --to DATE] [--seed S]
           [--out FILE.csv] [--truth GENERATOR_MANIFEST.json]
                                                 customer clusters (K-means; k = 2..12 scanned with auto), profiles and names
  validate --project DIR [--cutoff 2021-10-01] [--from DATE] [--to DATE] [--models popularity,itemknn,mf,preference]
           [--churn-models gbdt,logistic,tier,bgnbd] [--k 10] [--seed S]
                                                 learn before the cut-off, check on the months after it: repurchase table per
                                                 chain, the recommenders' top-K hit rate/precision/recall, churn ROC-AUC and gains
  export   --project DIR --out FILE [--tiers 1,2,inactive] [--transitions 1:inactive,2:3] [--min-risk R | --top-n N]
           [--chain A02] [--channel online|offline] [--k 3] [--model mf] [--control-share 0.1] [--seed S]
           [--encoding utf8bom|cp949] [--format csv|parquet] [--lang ko|en] [--overwrite] [--preview]
                                                 the campaign target list (tiers numbered 1 = best; the latest churn scores,
                                                 recommendations and clusters attached; a control group per risk decile) and
                                                 its manifest beside it; --preview prints the counts and first rows only
  simulate-campaign --project DIR --list FILE --out DIR [--uplift 0.03] [--rec-uplift 0.05] [--days 30] [--seed S]
                                                 simulate a campaign on an exported list: contacts.csv, the purchases of the
                                                 following days (LPOINT_BIG_COMP_02_PDDE.csv, for import --append) and the
                                                 true uplift in simulation.manifest.json
  readback --project DIR --list FILE --contacts FILE [--map MAP.json] [--window 30] [--seed S]
                                                 after the campaign: the contacted against the control group on the purchases
                                                 that followed (imported with import --append): uplift and 95 % interval per outcome
  pipeline --out DIR [--customers N] [--seed S] [--models popularity,itemknn,mf,preference] [--min-risk R | --top-n N]
                                                 the main job headless: generate the sample, import, segment, train and score
                                                 churn, train the recommenders, validate, write the target list (and the report);
                                                 DIR holds the list at its top level and the project inside it
  report   --project DIR --out DIR [--lang ko|en] [--overwrite]
                                                 the meeting report: one self-contained HTML file (overview, segments,
                                                 model quality, validation, the list) and a PowerPoint deck, a slide per chart
  generate --out DIR [--customers N] [--seed S] [--year Y] [--no-defects]
                                                 write the app's own L.POINT-shaped sample data (six files)
  calibrate --data DIR                           compare generated data with the published L.POINT facts
  settings [--memory-mb N] [--spill project|system|DIR]
                                                 show or set DuckDB's memory limit per project and where it spills

Options: --json (machine-readable output), --verbose (stack traces), --help`;

class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Paths are taken relative to where the user ran the command: npm runs scripts in the package
 * folder but says where it was invoked in INIT_CWD.
 */
const here = process.env.INIT_CWD ?? process.cwd();
const fromHere = (path: string | undefined) => (path === undefined ? undefined : resolve(here, path));

async function main(argv: string[]): Promise<number> {
  const { values: raw, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      lpoint: { type: 'string' },
      out: { type: 'string' },
      purchases: { type: 'string' },
      map: { type: 'string' },
      'save-map': { type: 'string' },
      data: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      year: { type: 'string' },
      'no-defects': { type: 'boolean', default: false },
      asof: { type: 'string' },
      weights: { type: 'string' },
      bins: { type: 'string' },
      shares: { type: 'string' },
      periods: { type: 'string' },
      'drop-duplicates': { type: 'boolean', default: false },
      'accept-date-warnings': { type: 'boolean', default: false },
      'max-reject-share': { type: 'string' },
      lang: { type: 'string' },
      monetary: { type: 'string' },
      spill: { type: 'string' },
      'memory-mb': { type: 'string' },
      'calibration-end': { type: 'string' },
      from: { type: 'string' },
      unit: { type: 'string' },
      label: { type: 'string' },
      models: { type: 'string' },
      run: { type: 'string' },
      model: { type: 'string' },
      features: { type: 'string' },
      population: { type: 'string' },
      k: { type: 'string' },
      to: { type: 'string' },
      truth: { type: 'string' },
      cutoff: { type: 'string' },
      chain: { type: 'string' },
      negatives: { type: 'string' },
      epochs: { type: 'string' },
      factors: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      'allow-repurchase': { type: 'boolean', default: false },
      'exclude-top': { type: 'string' },
      'exclude-recent': { type: 'string' },
      variety: { type: 'string' },
      pretrain: { type: 'string' },
      'pretrain-lr': { type: 'string' },
      'no-side-features': { type: 'boolean', default: false },
      lr: { type: 'string' },
      'chain-mode': { type: 'string' },
      'churn-models': { type: 'string' },
      cluster: { type: 'string' },
      'cluster-run': { type: 'string' },
      tiers: { type: 'string' },
      transitions: { type: 'string' },
      'min-risk': { type: 'string' },
      'top-n': { type: 'string' },
      channel: { type: 'string' },
      'control-share': { type: 'string' },
      list: { type: 'string' },
      contacts: { type: 'string' },
      window: { type: 'string' },
      uplift: { type: 'string' },
      'rec-uplift': { type: 'string' },
      days: { type: 'string' },
      encoding: { type: 'string' },
      format: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      preview: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      append: { type: 'boolean', default: false },
      'replace-dates': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const values = {
    ...raw,
    project: fromHere(raw.project),
    lpoint: fromHere(raw.lpoint),
    out: fromHere(raw.out),
    purchases: fromHere(raw.purchases),
    map: fromHere(raw.map),
    data: fromHere(raw.data),
    truth: fromHere(raw.truth),
    list: fromHere(raw.list),
    contacts: fromHere(raw.contacts),
    train: fromHere(raw.train),
    test: fromHere(raw.test),
  };
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }
  // Loaded only now, so --help answers without loading DuckDB, conf and zod.
  const [{ createNodeApp }, { dispatch }] = await Promise.all([import('../main/app'), import('../main/transport/dispatch')]);
  const app = createNodeApp();
  const { handlers } = app;
  const progress = new StderrProgress();
  /** Whether a job (import, generation) runs now: Ctrl-C cancels it rather than quitting. */
  let jobRunning = false;
  const ctx: CallContext = {
    emit: (event, payload) => {
      if (event === 'job.progress' && !values.json) progress.update(payload as never);
    },
  };
  const call = async <M extends Method>(method: M, args: ArgsIn<M>): Promise<Result<M>> => {
    const reply = await dispatch(handlers, method, args, ctx);
    progress.clear();
    if (!reply.ok) throw new CliError(reply.error.code, cliWording(reply.error));
    return reply.result as Result<M>;
  };
  const cancelRunningJobs = async () => {
    for (const job of await call('jobs.list', {})) if (job.status === 'running') await call('jobs.cancel', { jobId: job.jobId });
  };
  // Ctrl-C cancels the running job cleanly (DuckDB interrupt, rollback). A terminal delivers the
  // signal to every process in the group (npm, tsx, node), so repeats within 2 s count as the same
  // press; a later Ctrl-C quits at once.
  let cancelAsked = 0;
  process.on('SIGINT', () => {
    const now = Date.now();
    if (jobRunning && cancelAsked === 0) {
      cancelAsked = now;
      process.stderr.write('\nCancelling… (the project is left as it was; Ctrl-C again to quit at once)\n');
      void cancelRunningJobs();
    } else if (!jobRunning || now - cancelAsked > 2000) {
      process.exit(130);
    }
  });
  const out = (text: string, data: unknown) =>
    process.stdout.write((values.json ? JSON.stringify(data, null, 2) : text) + '\n');
  const project = () => {
    if (!values.project) throw new CliError('BAD_ARGUMENT', `${command} needs --project DIR.`);
    return values.project;
  };

  try {
    switch (command) {
      case 'create': {
        const info = await call('project.create', { project: project() });
        out(formatInfo(info), info);
        return 0;
      }
      case 'import': {
        if (!values.lpoint && !values.purchases) {
          throw new CliError('BAD_ARGUMENT', 'import needs --lpoint DIR (the L.POINT files) or --purchases FILE --map MAP.json.');
        }
        const dir = project();
        const map = values.purchases ? readMap(values.map, values.purchases) : undefined;
        const maxRejectShare = rejectShare(values['max-reject-share']);
        const folderWasThere = existsSync(dir);
        let created = false;
        await call('project.open', { project: dir }).catch(async (error: unknown) => {
          if ((error as CliError).code !== 'NOT_A_PROJECT') throw error;
          await call('project.create', { project: dir });
          created = true;
        });
        // A project this command created is removed again when its first import fails: no empty project left behind.
        const undoCreate = async () => {
          if (!created) return;
          await call('project.close', { project: dir }).catch(() => undefined);
          if (!folderWasThere) rmSync(dir, { recursive: true, force: true });
          else for (const entry of ['project.duckdb', 'project.duckdb.wal', 'models', 'exports']) rmSync(join(dir, entry), { recursive: true, force: true });
        };
        jobRunning = true;
        const common = { project: dir, dropDuplicates: values['drop-duplicates'], replace: values.replace, append: values.append, replaceDates: values['replace-dates'], maxRejectShare };
        const report = await (map
          ? call('data.importMapped', { ...common, ...map, saveAs: values['save-map'], acceptDateWarnings: values['accept-date-warnings'] })
          : call('data.importLpoint', { ...common, folder: values.lpoint! })
        ).catch(async (error: unknown) => {
          await undoCreate();
          throw error;
        });
        jobRunning = false;
        out(formatImport(report), report);
        return 0;
      }
      case 'settings': {
        const spill = values.spill;
        const memory = values['memory-mb'] !== undefined ? intOption('memory-mb', values['memory-mb']) : undefined;
        const settings =
          spill !== undefined || memory !== undefined
            ? await call('settings.setStorage', { memoryLimitMb: memory, spillFolder: spill === undefined ? undefined : ['project', 'system'].includes(spill) ? spill : resolve(here, spill) })
            : await call('settings.get', {});
        out(
          `Language ${settings.language}; DuckDB memory limit ${settings.memoryLimitMb} MiB per project, spilling to ${settings.spillFolder}` +
            (settings.recentProjects.length ? `\nRecent projects:\n${settings.recentProjects.map((p) => `  ${p}`).join('\n')}` : ''),
          settings,
        );
        return 0;
      }
      case 'info': {
        const info = await call('project.info', { project: project() });
        out(formatInfo(info), info);
        return 0;
      }
      case 'rejects': {
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'rejects needs --out FILE.csv.');
        const lang = values.lang;
        if (lang !== undefined && lang !== 'ko' && lang !== 'en') throw new CliError('BAD_ARGUMENT', `--lang is ko or en (got ${lang}).`);
        const written = await call('data.exportRejects', { project: project(), out: values.out, lang });
        out(`Wrote ${written.rows} rejected rows to ${written.path}`, written);
        return 0;
      }
      case 'segment': {
        const dir = project();
        const summary = await call('segments.compute', {
          project: dir,
          asOf: values.asof,
          weights: values.weights ? (numberList('weights', values.weights, 3) as [number, number, number]) : undefined,
          bins: intOption('bins', values.bins),
          shares: values.shares ? numberList('shares', values.shares) : undefined,
          periods: values.periods ? periodsOption(values.periods) : undefined,
          monetary: values.monetary as 'amount' | 'lines' | 'quantity' | undefined,
          customers: values.customers ? customersOption(values.customers) : undefined,
        });
        let written: { path: string; rows: number } | undefined;
        const lang = values.lang ?? 'ko';
        if (lang !== 'ko' && lang !== 'en') throw new CliError('BAD_ARGUMENT', `--lang is ko or en (got ${lang}).`);
        if (values.out) written = await call('segments.exportCsv', { project: dir, out: values.out, lang });
        out(formatSegments(summary) + (written ? `\nWrote ${written.rows} customers to ${written.path}` : ''), written ? { ...summary, csv: written } : summary);
        return 0;
      }
      case 'train': {
        if (positionals[1] === 'recommend') {
          if ((values.from === undefined) !== (values.to === undefined)) throw new CliError('BAD_ARGUMENT', '--from and --to go together (the window of purchases).');
          if (values.model && values.models) throw new CliError('BAD_ARGUMENT', '--model and --models name the same thing; give one of them.');
          const excludeTop = values['exclude-top'] === undefined ? undefined : Number(values['exclude-top']) / 100;
          jobRunning = true;
          const report = await call('models.trainRecommend', {
            project: project(),
            // --model (one model, as the issue's examples write it) is --models with one name.
            models: values.models || values.model ? recommendModelsOption(values.models ?? values.model!) : undefined,
            window: values.from && values.to ? { from: values.from, to: values.to } : undefined,
            cutoff: values.cutoff,
            chain: values.chain,
            chainMode: chainModeOption(values['chain-mode']),
            clusters: clustersOption(values.cluster, values['cluster-run']),
            negatives: intOption('negatives', values.negatives),
            k: intOption('k', values.k),
            seed: intOption('seed', values.seed),
            epochs: intOption('epochs', values.epochs),
            factors: intOption('factors', values.factors),
            pretrainEpochs: intOption('pretrain', values.pretrain),
            sideFeatures: values['no-side-features'] ? false : undefined,
            rules: {
              newOnly: !values['allow-repurchase'],
              ...(excludeTop === undefined ? {} : { excludeTopShare: excludeTop }),
              ...(values['exclude-recent'] === undefined ? {} : { excludeRecentDays: intOption('exclude-recent', values['exclude-recent']) }),
              ...(values.variety === undefined ? {} : { varietyPool: intOption('variety', values.variety) }),
            },
          });
          jobRunning = false;
          const models = Object.fromEntries(
            Object.entries(report.models).map(([m, r]) => [m, { hr10: r!.sampled.hr[9], ndcg10: r!.sampled.ndcg[9], negatives: r!.sampled.negatives, recall10: r!.timeSplit.recall, ...r }]),
          );
          out(formatRecommend(report), { ...report, models });
          return 0;
        }
        if (positionals[1] !== 'churn') throw new CliError('BAD_ARGUMENT', `train takes what to train: train churn or train recommend (got ${positionals[1] ?? 'nothing'}).`);
        const label = values.label ?? 'binary';
        if (label !== 'binary' && label !== 'transition') throw new CliError('BAD_ARGUMENT', `--label is binary or transition (got ${label}).`);
        const models = values.models ? modelsOption(values.models) : undefined;
        const population = values.population === 'last-tier' ? 'lastTier' : (values.population ?? 'all');
        if (population !== 'all' && population !== 'lastTier') throw new CliError('BAD_ARGUMENT', `--population is all or last-tier (got ${values.population}).`);
        jobRunning = true;
        const report = await call('models.trainChurn', {
          project: project(),
          label,
          population,
          periods: values.periods ? periodsOption(values.periods) : undefined,
          models,
          seed: intOption('seed', values.seed),
        });
        jobRunning = false;
        out(formatChurn(report), report);
        return 0;
      }
      case 'pipeline': {
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'pipeline needs --out DIR (an empty or new folder).');
        const { runPipeline } = await import('./pipeline');
        jobRunning = true;
        const result = await runPipeline(
          call,
          {
            out: values.out,
            customers: intOption('customers', values.customers),
            seed: intOption('seed', values.seed),
            recommendModels: values.models ? recommendModelsOption(values.models) : undefined,
            minRisk: values['min-risk'] === undefined ? undefined : Number(values['min-risk']),
            topN: intOption('top-n', values['top-n']),
          },
          (s, i, total) => {
            if (!values.json) process.stderr.write(`[${i}/${total}] ${s.step.padEnd(9)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.detail}\n`);
          },
        );
        jobRunning = false;
        out(`Done in ${result.seconds.toFixed(1)} s. Target list: ${result.list}; project: ${result.project}`, result);
        return 0;
      }
      case 'readback': {
        if (!values.list || !values.contacts) throw new CliError('BAD_ARGUMENT', 'readback needs --list FILE (the exported list, its manifest beside it) and --contacts FILE.');
        const contactMap = values.map ? (JSON.parse(readFileSync(values.map, 'utf8')) as { customer: string; contacted: string; date: string; channel?: string; yes?: string[] }) : undefined;
        const report = await call('readback.run', {
          project: project(),
          list: values.list,
          contacts: values.contacts,
          map: contactMap,
          window: intOption('window', values.window),
          seed: intOption('seed', values.seed),
        });
        out(formatReadback(report), report);
        return 0;
      }
      case 'validate': {
        jobRunning = true;
        const report = await call('validation.run', {
          project: project(),
          cutoff: values.cutoff,
          learnFrom: values.from,
          observeTo: values.to,
          recommendModels: values.models ? recommendModelsOption(values.models) : undefined,
          churnModels: values['churn-models'] ? modelsOption(values['churn-models']) : undefined,
          k: intOption('k', values.k),
          seed: intOption('seed', values.seed),
        });
        jobRunning = false;
        out(formatValidation(report), report);
        return 0;
      }
      case 'export': {
        const dir = project();
        const k = (await call('segments.load', { project: dir })).tierCount;
        const state = (text: string) => {
          const t = text.trim().toLowerCase();
          if (t === 'inactive' || t === '비활동') return k;
          if (t === 'new' || t === '신규') return k;
          const n = Number(t);
          if (!Number.isInteger(n) || n < 1 || n > k) throw new CliError('BAD_ARGUMENT', `A tier is 1 … ${k} (1 = best), inactive or new; got "${text}".`);
          return n - 1;
        };
        if (values['min-risk'] !== undefined && values['top-n'] !== undefined) throw new CliError('BAD_ARGUMENT', 'Give --min-risk or --top-n, not both.');
        const channel = values.channel;
        if (channel !== undefined && channel !== 'online' && channel !== 'offline') throw new CliError('BAD_ARGUMENT', `--channel is online or offline (got ${channel}).`);
        const lang = values.lang ?? 'ko';
        if (lang !== 'ko' && lang !== 'en') throw new CliError('BAD_ARGUMENT', `--lang is ko or en (got ${lang}).`);
        const list = {
          project: dir,
          tiers: values.tiers ? values.tiers.split(',').map(state) : undefined,
          transitions: values.transitions
            ? values.transitions.split(',').map((pair) => {
                const [a, b] = pair.split(':');
                if (b === undefined) throw new CliError('BAD_ARGUMENT', `--transitions takes FROM:TO pairs such as 1:inactive,2:3; got "${pair}".`);
                return [state(a), state(b)] as [number, number];
              })
            : undefined,
          minRisk: values['min-risk'] === undefined ? undefined : Number(values['min-risk']),
          topN: intOption('top-n', values['top-n']),
          chain: values.chain,
          channel: channel as 'online' | 'offline' | undefined,
          recommend: { k: intOption('k', values.k) ?? 3, ...(values.model ? { model: recommendModelsOption(values.model)[0] } : {}), ...(values.run ? { runId: values.run } : {}) },
          controlShare: values['control-share'] === undefined ? undefined : Number(values['control-share']),
          seed: intOption('seed', values.seed),
          lang: lang as 'ko' | 'en',
        };
        if (values.preview) {
          const preview = await call('export.preview', list);
          out(formatExportPreview(preview), preview);
          return 0;
        }
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'export needs --out FILE (or --preview).');
        const format = values.format ?? (values.out.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
        if (format !== 'csv' && format !== 'parquet') throw new CliError('BAD_ARGUMENT', `--format is csv or parquet (got ${format}).`);
        const encoding = values.encoding ?? 'utf8bom';
        if (encoding !== 'utf8bom' && encoding !== 'cp949') throw new CliError('BAD_ARGUMENT', `--encoding is utf8bom or cp949 (got ${encoding}).`);
        jobRunning = true;
        const written = await call('export.write', { ...list, out: values.out, format, encoding, overwrite: values.overwrite });
        jobRunning = false;
        out(
          `Wrote ${written.rows.toLocaleString('en-US')} customers (${written.control.toLocaleString('en-US')} in the control group, not to be contacted) to ${written.path}\nManifest: ${written.manifest}`,
          written,
        );
        return 0;
      }
      case 'simulate-campaign': {
        const dir = project();
        if (!values.list) throw new CliError('BAD_ARGUMENT', 'simulate-campaign needs --list FILE (a list written by export, its manifest beside it).');
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'simulate-campaign needs --out DIR (the folder to write the contacts, the purchases and the truth to).');
        const share = (name: string, value: string | undefined) => {
          if (value === undefined) return undefined;
          const n = Number(value);
          if (!Number.isFinite(n)) throw new CliError('BAD_ARGUMENT', `--${name} takes a number such as 0.03 (got ${value}).`);
          return n;
        };
        const sim = await call('campaign.simulate', {
          project: dir,
          list: values.list,
          out: values.out,
          uplift: share('uplift', values.uplift),
          recUplift: share('rec-uplift', values['rec-uplift']),
          days: intOption('days', values.days),
          seed: intOption('seed', values.seed),
        });
        const t = sim.truth;
        out(
          `Simulated ${t.days} days (${t.window.from} … ${t.window.to}) on ${t.counts.listed.toLocaleString('en-US')} customers: ` +
            `${t.counts.buyers.contact.toLocaleString('en-US')} of ${t.counts.contacted.toLocaleString('en-US')} contacted and ` +
            `${t.counts.buyers.control.toLocaleString('en-US')} of ${t.counts.control.toLocaleString('en-US')} in the control group bought; ` +
            `true uplift ${t.uplift.applied} (asked ${t.uplift.asked})\nContacts: ${sim.contacts}\nPurchases: ${sim.purchases}\nTruth: ${sim.manifest}`,
          sim,
        );
        return 0;
      }
      case 'report': {
        const dir = project();
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'report needs --out DIR (the folder to write the HTML report and the deck to).');
        const lang = values.lang ?? 'ko';
        if (lang !== 'ko' && lang !== 'en') throw new CliError('BAD_ARGUMENT', `--lang is ko or en (got ${lang}).`);
        const written = await call('report.write', { project: dir, outDir: values.out, lang, overwrite: values.overwrite });
        out(formatReport(written), written);
        return 0;
      }
      case 'score': {
        if (positionals[1] !== 'churn') throw new CliError('BAD_ARGUMENT', `score takes what to score: score churn (got ${positionals[1] ?? 'nothing'}).`);
        const dir = project();
        const runId = values.run ?? (await call('runs.list', { project: dir, kind: 'churn' })).find((r) => r.status === 'done')?.runId;
        if (!runId) throw new CliError('NOT_FOUND', 'No finished churn run in this project; run train churn first.');
        const model = values.model ? modelsOption(values.model)[0] : undefined;
        const scored = await call('models.scoreChurn', { project: dir, runId, model });
        out(
          `Scored ${scored.customers.toLocaleString('en-US')} customers of ${scored.window.from} – ${scored.window.to} with ${scored.model} (run ${scored.runId}): ` +
            `mean risk ${scored.meanRisk.toFixed(3)}, ${scored.highRisk.toLocaleString('en-US')} at 0.5 or more; saved in churn_scores`,
          scored,
        );
        return 0;
      }
      case 'evaluate': {
        if (positionals[1] !== 'ncf') throw new CliError('BAD_ARGUMENT', `evaluate takes what to evaluate: evaluate ncf (got ${positionals[1] ?? 'nothing'}).`);
        if (!values.train || !values.test || !values.negatives) throw new CliError('BAD_ARGUMENT', 'evaluate ncf needs --train FILE --test FILE --negatives FILE (the NCF paper\'s split).');
        const model = values.model ?? 'neumf';
        if (model !== 'neumf' && model !== 'gmf' && model !== 'mlp') throw new CliError('BAD_ARGUMENT', `--model is neumf, gmf or mlp (got ${model}).`);
        const { evaluateNcf } = await import('../main/services/models/ncf');
        const printEpoch = (r: { epoch: number; loss: number; hr10: number; ndcg10: number; seconds: number; samplesPerSecond: number }) =>
          `epoch ${String(r.epoch).padStart(2)}  loss ${r.loss.toFixed(4)}  hr10 ${r.hr10.toFixed(4)}  ndcg10 ${r.ndcg10.toFixed(4)}  ${r.seconds.toFixed(1).padStart(5)} s  ${Math.round(r.samplesPerSecond).toLocaleString('en-US').padStart(9)} samples/s`;
        const evaluation = await evaluateNcf(
          {
            train: values.train,
            test: values.test,
            negatives: resolve(here, values.negatives),
            model,
            epochs: intOption('epochs', values.epochs),
            factors: intOption('factors', values.factors),
            seed: intOption('seed', values.seed),
            pretrainEpochs: intOption('pretrain', values.pretrain),
            learningRate: numberOption('lr', values.lr),
            pretrainedLearningRate: numberOption('pretrain-lr', values['pretrain-lr']),
          },
          {
            onEvaluated: (r) => {
              if (!values.json) process.stdout.write(printEpoch(r) + '\n');
            },
            onPretrainEpoch: (kind, epoch, loss, seconds) => {
              if (!values.json) process.stdout.write(`pre-train ${kind} epoch ${epoch}  loss ${loss.toFixed(4)}  ${seconds.toFixed(1)} s\n`);
            },
          },
        );
        const { model: _trained, ...summary } = evaluation;
        void _trained;
        const o = evaluation.options;
        out(
          [
            `${o.model} on ${evaluation.users.toLocaleString('en-US')} users × ${evaluation.items.toLocaleString('en-US')} items (${evaluation.trainPairs.toLocaleString('en-US')} train pairs); ` +
              `${o.model === 'mlp' ? '' : `factors ${o.factors}, `}${o.model === 'gmf' ? '' : `layers [${o.layers.join(',')}], `}${o.negatives} negatives per positive, batch ${o.batchSize}, lr ${o.learningRate}, seed ${o.seed}` +
              (o.pretrainEpochs ? `, pre-trained ${o.pretrainEpochs} epochs` : ''),
            `popularity on the same negatives: hr10 ${evaluation.popularity.hr.toFixed(4)}  ndcg10 ${evaluation.popularity.ndcg.toFixed(4)}`,
            evaluation.best ? `best: ${printEpoch(evaluation.best)}` : 'no epoch completed',
            `total ${(evaluation.totalSeconds / 60).toFixed(1)} min`,
          ].join('\n'),
          summary,
        );
        return 0;
      }
      case 'fit': {
        if (positionals[1] !== 'bgnbd') throw new CliError('BAD_ARGUMENT', `fit takes a model name: fit bgnbd (got ${positionals[1] ?? 'nothing'}).`);
        const unit = values.unit ?? 'week';
        if (unit !== 'week' && unit !== 'day') throw new CliError('BAD_ARGUMENT', `--unit is week or day (got ${unit}).`);
        const fit = await call('models.fitBgnbd', { project: project(), calibrationEnd: values['calibration-end'], from: values.from, unit });
        out(formatBgnbd(fit), fit);
        return 0;
      }
      case 'cluster': {
        const dir = project();
        const features = values.features ?? 'both';
        if (features !== 'behaviour' && features !== 'consumption' && features !== 'both') throw new CliError('BAD_ARGUMENT', `--features is behaviour, consumption or both (got ${features}).`);
        const k = values.k === undefined || values.k === 'auto' ? 'auto' : intOption('k', values.k)!;
        if ((values.from === undefined) !== (values.to === undefined)) throw new CliError('BAD_ARGUMENT', '--from and --to go together (the window of purchases).');
        jobRunning = true;
        const report = await call('clusters.run', {
          project: dir,
          features,
          k,
          window: values.from && values.to ? { from: values.from, to: values.to } : undefined,
          seed: intOption('seed', values.seed),
        });
        jobRunning = false;
        const truth = values.truth ? await call('clusters.compareTruth', { project: dir, runId: report.run.id, truth: values.truth }) : undefined;
        const csv = values.out ? await call('clusters.exportCsv', { project: dir, runId: report.run.id, out: values.out, lang: values.lang === 'en' ? 'en' : 'ko' }) : undefined;
        const sizes = report.profiles.map((p) => p.size);
        out(formatClusters(report, { ari: truth?.ari, csv }), { ...report, sizes, ...(truth ? { ari: truth.ari, truth } : {}), ...(csv ? { csv } : {}) });
        return 0;
      }
      case 'generate': {
        if (!values.out) throw new CliError('BAD_ARGUMENT', 'generate needs --out DIR.');
        jobRunning = true;
        const summary = await call('data.generateSample', {
          out: values.out,
          customers: intOption('customers', values.customers),
          seed: intOption('seed', values.seed),
          year: intOption('year', values.year),
          defects: !values['no-defects'],
        });
        jobRunning = false;
        out(formatGenerate(summary), summary);
        return 0;
      }
      case 'calibrate': {
        if (!values.data) throw new CliError('BAD_ARGUMENT', 'calibrate needs --data DIR (a folder of generated L.POINT files).');
        const rows = await call('data.calibrate', { folder: values.data });
        out(formatCalibration(rows), rows);
        return rows.every((r) => r.pass) ? 0 : 1;
      }
      default:
        throw new CliError('BAD_ARGUMENT', `Unknown command ${command}; run with --help to see the commands.`);
    }
  } catch (error) {
    progress.clear();
    const code = error instanceof CliError ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) process.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
    process.stderr.write(`${message}\n`);
    if (values.verbose && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return code === 'CANCELLED' ? 130 : 1;
  } finally {
    await app.close();
  }
}

/** The gate names schema paths (segments.compute: weights.0); a terminal user typed options (--weights). */
const OPTION_OF: Record<string, string> = {
  asOf: '--asof',
  weights: '--weights',
  bins: '--bins',
  shares: '--shares',
  periods: '--periods',
  monetary: '--monetary',
  memoryLimitMb: '--memory-mb',
  spillFolder: '--spill',
  customers: '--customers',
  seed: '--seed',
  year: '--year',
  project: '--project',
  folder: '--lpoint/--data',
  out: '--out',
  calibrationEnd: '--calibration-end',
  unit: '--unit',
};
/** A bad argument is worded from its issues, each under the option the user typed; other errors pass as they are. */
function cliWording(error: WireError): string {
  // A service's own check (it has a key) already wrote a whole sentence.
  if (error.code !== 'BAD_ARGUMENT' || !error.issues?.length || error.issues.some((i) => i.key)) return error.message;
  const where = ([head, ...rest]: string[]) =>
    rest.length && (head === 'purchases' || head === 'customers' || head === 'products') ? `${head} mapping ${rest[rest.length - 1]}` : (OPTION_OF[head] ?? head);
  return `${error.issues.map((i) => (i.path.length ? `${where(i.path)}: ${i.message}` : i.message)).join('; ')}.`;
}

/** --max-reject-share in percent (default 5): a file rejecting more, or loading nothing, refuses the import. */
const DEFAULT_MAX_REJECT_PERCENT = 5;
function rejectShare(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_REJECT_PERCENT / 100;
  const pct = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new CliError('BAD_ARGUMENT', `--max-reject-share is a percentage from 0 to 100 (got ${value}).`);
  return pct / 100;
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new CliError('BAD_ARGUMENT', `--${name} takes a positive number (got ${value}).`);
  return n;
}

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError('BAD_ARGUMENT', `--${name} must be a whole number, not "${value}".`);
  return Number(value);
}

function numberList(name: string, text: string, length?: number): number[] {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v)) || (length !== undefined && values.length !== length)) {
    throw new CliError('BAD_ARGUMENT', `--${name} takes ${length ?? 'comma-separated'} numbers separated by commas, such as 0.3,0.2,0.5; got "${text}".`);
  }
  return values;
}

/** 2021-01-01:2021-06-30,2021-07-01:2021-12-31 → two windows. */
/** --models mlp,gbdt,logistic,tier,bgnbd (tier = the RFM-tier rule). */
function modelsOption(text: string): ChurnModelName[] {
  const names = text.split(',').map((m) => m.trim()).filter(Boolean).map((m) => (m === 'tier' ? 'tierRule' : m));
  const unknown = names.filter((m) => !(CHURN_MODELS as readonly string[]).includes(m));
  if (unknown.length || !names.length) throw new CliError('BAD_ARGUMENT', `--models takes mlp, gbdt, logistic, tier and bgnbd, comma-separated (got ${text}).`);
  return names as ChurnModelName[];
}

/** --cluster N (one cluster's customers) or each (one model per cluster); --cluster-run picks the clustering (default the latest). */
function clustersOption(cluster: string | undefined, runId: string | undefined): { runId?: string; cluster?: number } | undefined {
  if (cluster === undefined) {
    if (runId !== undefined) throw new CliError('BAD_ARGUMENT', '--cluster-run goes with --cluster N or --cluster each.');
    return undefined;
  }
  const id = cluster === 'each' ? undefined : Number(cluster);
  if (id !== undefined && !(Number.isInteger(id) && id >= 0)) throw new CliError('BAD_ARGUMENT', `--cluster is a cluster number (0, 1 …) or each; got ${cluster}.`);
  return { ...(runId ? { runId } : {}), ...(id === undefined ? {} : { cluster: id }) };
}

function chainModeOption(text: string | undefined): 'pooled' | 'perChain' | 'ownChain' | undefined {
  if (text === undefined) return undefined;
  const mode = ({ pooled: 'pooled', 'per-chain': 'perChain', 'own-chain': 'ownChain' } as const)[text as 'pooled'];
  if (!mode) throw new CliError('BAD_ARGUMENT', `--chain-mode is pooled, per-chain or own-chain (got ${text}).`);
  return mode;
}

function recommendModelsOption(text: string): RecommendModelName[] {
  const names = text.split(',').map((m) => m.trim()).filter(Boolean);
  const unknown = names.filter((m) => !(RECOMMEND_MODELS as readonly string[]).includes(m));
  if (unknown.length || !names.length) throw new CliError('BAD_ARGUMENT', `--models takes ${RECOMMEND_MODELS.join(', ')} (got ${unknown.join(', ') || 'nothing'}).`);
  return names as RecommendModelName[];
}

function periodsOption(text: string): [{ from: string; to: string }, { from: string; to: string }] {
  const windows = text.split(',').map((w) => w.split(':'));
  if (windows.length !== 2 || windows.some((w) => w.length !== 2)) {
    throw new CliError('BAD_ARGUMENT', `--periods takes two windows FROM:TO,FROM:TO such as 2021-01-01:2021-06-30,2021-07-01:2021-12-31; got "${text}".`);
  }
  return [
    { from: windows[0][0], to: windows[0][1] },
    { from: windows[1][0], to: windows[1][1] },
  ];
}

/** --customers NAME=V1,V2: a customer field (gender, ageBand, region) or named attribute and the values kept. */
function customersOption(text: string): { field: 'gender' | 'ageBand' | 'region' | 'attribute'; name?: string; values: string[] } {
  const eq = text.indexOf('=');
  const name = text.slice(0, eq).trim();
  const values = text.slice(eq + 1).split(',').map((v) => v.trim()).filter(Boolean);
  if (eq < 1 || values.length === 0) {
    throw new CliError('BAD_ARGUMENT', `--customers takes NAME=VALUE[,VALUE…] such as Segment=Corporate or region=Z10; got "${text}".`);
  }
  if (name === 'gender' || name === 'ageBand' || name === 'region') return { field: name, values };
  return { field: 'attribute', name, values };
}

/** The mapping JSON (as the app saves it); --purchases names the file to import with it. */
function readMap(path: string | undefined, purchases: string): ImportMapIn {
  if (!path) throw new CliError('BAD_ARGUMENT', 'import --purchases needs --map MAP.json (the column mapping).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError('BAD_ARGUMENT', `Cannot read the mapping ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const map = parsed as { purchases?: Record<string, unknown> } & Record<string, unknown>;
  // A bare purchase mapping ({ customer, date, … }) is accepted as well as the full saved form.
  const purchasesPart = map.purchases ?? { mapping: map };
  // A side file's relative path: from the mapping file's folder where it is there, else the working folder.
  const fromMap = (file: unknown) => {
    if (typeof file !== 'string' || isAbsolute(file)) return file;
    const besideMap = resolve(dirname(path), file);
    return existsSync(besideMap) ? besideMap : resolve(file);
  };
  const side = (part: unknown) => (part && typeof part === 'object' ? { ...part, file: fromMap((part as { file?: unknown }).file) } : part);
  const sides = { ...(map.customers ? { customers: side(map.customers) } : {}), ...(map.products ? { products: side(map.products) } : {}) };
  return { ...map, ...sides, purchases: { ...purchasesPart, file: resolve(purchases) } } as ImportMapIn;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // parseArgs rejects unknown or malformed options: one sentence, no stack.
    const text = (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/\. To specify a positional.*$/, '');
    const message = `${text.replace(/\.$/, '')}; run with --help to see the commands and options.`;
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ error: { code: 'BAD_ARGUMENT', message } }) + '\n');
    process.stderr.write(`${message}\n`);
    process.exit(2);
  },
);
