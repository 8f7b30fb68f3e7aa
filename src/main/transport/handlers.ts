import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contract, type Args, type EventName, type Events, type JobMethod, type Method, type Result } from '../../shared/contract';
import { argumentError } from './argumentError';
import {
  computeSegments,
  ensureReceiptFacts,
  exportSegmentsCsv,
  loadSegments,
  overview,
  receiptFactsState,
  segmentProfile,
} from '../services/analytics';
import { calibrate } from '../services/calibration';
import { exportRejects, timestamp } from '../services/data/exportRejects';
import { importLpoint } from '../services/data/importLpoint';
import { checkDateColumn, importMapped, listMappings } from '../services/data/importMapped';
import { previewFile } from '../services/data/preview';
import { rejectsPage } from '../services/data/rejectsPage';
import type { Sql } from '../services/db/database';
import type { Job, JobEvents } from '../services/jobs/jobs';
import { projectInfo } from '../services/project/projectInfo';
import { setCurrency } from '../services/project/projectSettings';
import { customerAttributes } from '../services/analytics/customerFilter';
import { openSampleProject } from '../services/project/sampleProject';
import { deleteRun, getRun, listRuns } from '../services/runs/runs';
import { fitBgnbdFromProject } from '../services/models/bgnbd';
import { trainChurn } from '../services/models/churn/churnRun';
import { trainRecommenders } from '../services/models/recommend/recommendRun';
import { recommendationLists } from '../services/models/recommend/lists';
import { assignAndSave, compareWithTruth, exportClusters, renameCluster, runClusters } from '../services/analytics/clusters';
import { scoreChurn } from '../services/models/churn/score';
import { validate } from '../services/validation';
import { readBack } from '../services/readback';
import { previewTargetList, writeTargetList } from '../services/export';
import { simulateCampaign } from '../services/campaign';
import type { Services } from '../services/services';
import { generateInWorker } from '../workers/generateInWorker';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [M in Method]: (args: Args<M>, ctx: CallContext) => Promise<Result<M>> };

const JOB_KIND: Record<JobMethod, string> = {
  'data.importLpoint': 'import',
  'data.importMapped': 'import',
  'data.generateSample': 'generate',
  'project.openSample': 'sample',
  'models.trainChurn': 'training',
  'models.trainRecommend': 'training',
  'clusters.run': 'clustering',
  'validation.run': 'validation',
  'export.write': 'export',
};

function jobEvents(ctx: CallContext): JobEvents {
  return {
    progress: (p) => ctx.emit('job.progress', p),
    finished: (s) =>
      ctx.emit('job.finished', {
        jobId: s.jobId,
        kind: s.kind,
        ok: s.status === 'done',
        cancelled: s.status === 'cancelled',
        seconds: s.seconds,
        status: s.status,
      }),
  };
}

/**
 * The one handler table every transport (Electron IPC, HTTP, CLI) calls. Reads get a session of
 * their own and run side by side; writes to a project queue one at a time (see ProjectStore).
 */
export function createHandlers(s: Services): Handlers {
  const runJob = <T>(ctx: CallContext, method: JobMethod, requested: string | undefined, project: string | null, work: (job: Job) => Promise<T>) =>
    s.jobs.run(JOB_KIND[method], requested, jobEvents(ctx), work, { method, project: project && resolve(project) });

  /** Analytics read receipt_facts: rebuilt first (a write, queued) when the purchases changed since. */
  const analytics = async <T>(dir: string, work: (db: Sql) => Promise<T>): Promise<T> => {
    const state = await s.projects.read(dir, (p) => receiptFactsState(p.db));
    if (!state.fresh) await s.projects.write(dir, 'receipt table rebuild', (p) => ensureReceiptFacts(p.db));
    return s.projects.read(dir, (p) => work(p.db));
  };

  const handlers: Handlers = {
    'project.create': async ({ project }) => {
      const open = await s.projects.create(project);
      return s.projects.read(open.dir, projectInfo);
    },
    'project.open': async ({ project }) => s.projects.read(project, projectInfo),
    'project.close': async ({ project }) => ({ closed: await s.projects.close(project) }),
    'project.info': async ({ project }) => s.projects.read(project, projectInfo),
    'data.customerAttributes': async ({ project }) => s.projects.read(project, (p) => customerAttributes(p.db)),
    'project.setCurrency': async ({ project, currency }) => {
      await s.projects.write(project, 'currency setting', (p) => setCurrency(p, currency));
      return s.projects.read(project, projectInfo);
    },
    'data.importLpoint': async (args, ctx) =>
      runJob(ctx, 'data.importLpoint', args.jobId, args.project, (job) =>
        s.projects.staged(args.project, 'import', async (project) => {
          const report = await importLpoint(project, args, job);
          await project.commit(() => ensureReceiptFacts(project.db));
          return report;
        }),
      ),
    'data.previewFile': async ({ file, encoding, delimiter }) => previewFile(file, encoding, delimiter),
    'data.importMapped': async (args, ctx) => {
      const { purchases, customers, products, currency } = args;
      const map = { purchases, customers, products, currency };
      return runJob(ctx, 'data.importMapped', args.jobId, args.project, (job) =>
        s.projects.staged(args.project, 'import', async (project) => {
          const report = await importMapped(project, { ...args, map }, job);
          await project.commit(() => ensureReceiptFacts(project.db));
          return report;
        }),
      );
    },
    'data.generateSample': async (args, ctx) =>
      runJob(ctx, 'data.generateSample', args.jobId, null, async (job) => {
        // In a worker thread: the generator is CPU-bound for seconds and must not stall other calls.
        const abort = new AbortController();
        job.onCancel(() => abort.abort());
        const { out, customers, seed, year, defects } = args;
        const report = await generateInWorker({ out, customers, seed, year, defects }, {
          onProgress: (p) => job.progress({ step: p.step, rowsDone: p.linesDone, fraction: p.fraction }),
          signal: abort.signal,
        });
        return {
          out: report.out,
          seed: report.seed,
          year: report.year,
          customers: report.customers,
          files: report.files.map(({ kind, file, rows }) => ({ kind, file, rows })),
          duplicates: report.duplicates,
          defects: report.defects.length,
          seconds: report.seconds,
        };
      }),
    'data.checkDates': async ({ file, encoding, delimiter, column, dateFormat }) => checkDateColumn({ file, encoding, delimiter }, column, dateFormat),
    'data.calibrate': async ({ folder }) => calibrate(folder),
    'project.openSample': async ({ jobId }, ctx) =>
      runJob(ctx, 'project.openSample', jobId, null, async (job) => {
        const open = await openSampleProject(s.projects, s.dataDir, job);
        return s.projects.read(open.dir, projectInfo);
      }),
    'data.mappings': async ({ project }) => s.projects.read(project, listMappings),
    'data.rejects': async ({ project, reason, offset, limit }) => s.projects.read(project, (p) => rejectsPage(p, reason, offset, limit)),
    'data.exportRejects': async ({ project, out, reason, lang }) => s.projects.read(project, (p) => exportRejects(p, out, reason, lang)),
    'analytics.overview': async ({ project, ...filter }) => analytics(project, (db) => overview(db, filter)),
    // Queued at once, in the order asked: the last weights an analyst chose are the ones saved.
    'segments.compute': async ({ project, ...spec }) => s.projects.write(project, 'segment computation', (p) => computeSegments(p.db, spec)),
    'segments.load': async ({ project }) => s.projects.read(project, (p) => loadSegments(p.db)),
    'segments.profile': async ({ project, selector }) => analytics(project, (db) => segmentProfile(db, selector)),
    'segments.exportCsv': async ({ project, out, lang, selector }) =>
      s.projects.read(project, (p) => exportSegmentsCsv(p.db, out ?? { folder: join(p.dir, 'exports'), time: timestamp(new Date()) }, lang, selector)),
    'models.trainChurn': async ({ jobId, project, ...args }, ctx) =>
      runJob(ctx, 'models.trainChurn', jobId, project, async (job) => {
        // Reads on its own session; the run's tables and record are written in the project's write turn.
        return s.projects.read(project, (p) => trainChurn(p, args, job, s.training, s.settings.get().trainingBackend));
      }),
    'models.trainRecommend': async ({ jobId, project, ...args }, ctx) =>
      runJob(ctx, 'models.trainRecommend', jobId, project, (job) => s.projects.read(project, (p) => trainRecommenders(p, args, job, s.training))),
    'validation.run': async ({ jobId, project, ...args }, ctx) =>
      runJob(ctx, 'validation.run', jobId, project, (job) => s.projects.read(project, (p) => validate(p, args, job, s.training, s.settings.get().trainingBackend))),
    'export.preview': async ({ project, ...args }) => s.projects.read(project, (p) => previewTargetList(p, args)),
    'export.write': async ({ jobId, project, ...args }, ctx) => runJob(ctx, 'export.write', jobId, project, (job) => s.projects.read(project, (p) => writeTargetList(p, args, job))),
    'campaign.simulate': async ({ project, ...args }) => s.projects.read(project, (p) => simulateCampaign(p, args)),
    // Loaded on first use: ECharts alone takes about 0.3 s to load, which every other call would pay at start.
    'report.write': async ({ project, ...args }) => import('../services/report').then(({ writeReport }) => s.projects.read(project, (p) => writeReport(p, args))),
    'readback.run': async ({ project, ...args }) => s.projects.read(project, (p) => readBack(p, args)),
    'recommend.lists': async ({ project, runId, ...query }) => s.projects.read(project, (p) => recommendationLists(p.db, runId, query)),
    'models.scoreChurn': async ({ project, runId, model }) => s.projects.read(project, (p) => scoreChurn(p, runId, model, s.training)),
    'models.fitBgnbd': async ({ project, ...options }) => s.projects.read(project, (p) => fitBgnbdFromProject(p.db, options)),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'jobs.start': async ({ method, args }, ctx) => {
      const parsed = contract[method].args.safeParse(args);
      if (!parsed.success) throw argumentError(method, parsed.error);
      const data = parsed.data as { project?: unknown };
      const project = typeof data.project === 'string' ? resolve(data.project) : null;
      const jobId = s.jobs.reserve(method, JOB_KIND[method], project);
      const handler = handlers[method] as (a: unknown, c: CallContext) => Promise<unknown>;
      // The answer is the id; the work goes on, and its end is an event and a jobs.get.
      handler({ ...parsed.data, jobId }, ctx).catch((error: unknown) => s.jobs.failReserved(jobId, jobEvents(ctx), error));
      return { jobId };
    },
    'runs.list': async ({ project, kind }) => s.projects.read(project, (p) => listRuns(p.db, kind)),
    'runs.get': async ({ project, runId }) => s.projects.read(project, (p) => getRun(p.db, runId)),
    'clusters.run': async ({ jobId, project, ...args }, ctx) =>
      runJob(ctx, 'clusters.run', jobId, project, (job) => s.projects.read(project, (p) => runClusters(p, args, job, s.training))),
    'clusters.rename': async ({ project, runId, cluster, name }) => s.projects.read(project, (p) => p.commit(() => renameCluster(p.db, runId, cluster, name))),
    'clusters.assign': async ({ project, runId, window }) => s.projects.read(project, (p) => assignAndSave(p, runId, window)),
    'clusters.exportCsv': async ({ project, runId, out, lang }) => s.projects.read(project, (p) => exportClusters(p.db, runId, resolve(out), lang)),
    'clusters.compareTruth': async ({ project, runId, truth }) => s.projects.read(project, (p) => compareWithTruth(p.db, runId, resolve(truth))),
    'runs.delete': async ({ project, runId }) =>
      s.projects.read(project, async (p) => {
        const run = await p.commit(() => deleteRun(p.db, runId));
        // The files go once the database no longer names them.
        rmSync(join(p.dir, 'models', runId), { recursive: true, force: true });
        return run;
      }),
    'jobs.get': async ({ jobId }) => s.jobs.get(jobId),
    'jobs.list': async () => s.jobs.list(),
    'settings.get': async () => s.settings.get(),
    'settings.setLanguage': async ({ language }) => s.settings.setLanguage(language),
    'settings.setStorage': async (storage) => {
      const settings = s.settings.setStorage(storage);
      await s.projects.reconfigure();
      return settings;
    },
    'settings.addRecentProject': async ({ project }) => s.settings.addRecentProject(project),
    'settings.setTraining': async (training) => s.settings.setTraining(training),
  };
  return handlers;
}
