import type { Args, EventName, Events, Method, Result } from '../shared/contract';
import { join } from 'node:path';
import { computeSegments, ensureReceiptFacts, exportSegmentsCsv, loadSegments, overview, segmentProfile } from './services/analytics';
import { exportRejects, timestamp } from './services/data/exportRejects';
import { importLpoint } from './services/data/importLpoint';
import { rejectsPage } from './services/data/rejectsPage';
import { JobRegistry, type Job } from './services/jobs/jobs';
import { importMapped, listMappings } from './services/data/importMapped';
import { previewFile } from './services/data/preview';
import { calibrate } from './services/calibration';
import { generateLpoint } from './services/generator';
import { openSampleProject } from './services/project/sampleProject';
import { projectInfo } from './services/project/projectInfo';
import { ProjectStore, type Project } from './services/project/projectStore';
import { SettingsService, type SettingsBackend } from './services/settings/settingsStore';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [M in Method]: (args: Args<M>, ctx: CallContext) => Promise<Result<M>> };

export interface Services {
  projects: ProjectStore;
  jobs: JobRegistry;
  settings: SettingsService;
  /** Where the app keeps its own files (the sample project). */
  dataDir: string;
}

export function createServices(settings: SettingsBackend, dataDir: string, jobs = new JobRegistry()): Services {
  return { projects: new ProjectStore(), jobs, settings: new SettingsService(settings), dataDir };
}

/** Runs long work as a job: progress events while it runs, one job.finished event at the end. */
async function runJob<T>(s: Services, ctx: CallContext, kind: string, requested: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
  const started = performance.now();
  let ok = false;
  let cancelled = false;
  let id = requested ?? '';
  try {
    const result = await s.jobs.run(kind, requested, (p) => ctx.emit('job.progress', p), (job) => {
      id = job.id;
      return work(job);
    });
    ok = true;
    return result;
  } catch (error) {
    cancelled = (error as { code?: string }).code === 'CANCELLED';
    throw error;
  } finally {
    ctx.emit('job.finished', { jobId: id, kind, ok, cancelled, seconds: (performance.now() - started) / 1000 });
  }
}

/** After an import: the per-receipt table every overview and segment query reads is rebuilt once, here. */
async function afterImport<T>(project: Project, report: T): Promise<T> {
  await ensureReceiptFacts(project.db);
  return report;
}

/** The one handler table every transport (Electron IPC, HTTP, CLI) calls. */
export function createHandlers(s: Services): Handlers {
  return {
    'project.create': async ({ project }) => projectInfo(await s.projects.create(project)),
    'project.open': async ({ project }) => projectInfo(await s.projects.get(project)),
    'project.close': async ({ project }) => ({ closed: s.projects.close(project) }),
    'project.info': async ({ project }) => projectInfo(await s.projects.get(project)),
    'data.importLpoint': async (args, ctx) =>
      s.projects.exclusive(args.project, 'import', (project) =>
        runJob(s, ctx, 'import', args.jobId, async (job) => afterImport(project, await importLpoint(project, args, job))),
      ),
    'data.previewFile': async ({ file, encoding, delimiter }) => previewFile(file, encoding, delimiter),
    'data.importMapped': async (args, ctx) => {
      const { purchases, customers, products } = args;
      const map = { purchases, customers, products };
      return s.projects.exclusive(args.project, 'import', (project) =>
        runJob(s, ctx, 'import', args.jobId, async (job) => afterImport(project, await importMapped(project, { ...args, map }, job))),
      );
    },
    'data.generateSample': async (args, ctx) =>
      runJob(s, ctx, 'generate', args.jobId, async (job) => {
        const report = await generateLpoint({
          ...args,
          onProgress: (p) => job.progress({ step: p.step, rowsDone: p.linesDone, fraction: p.fraction }),
          cancelled: () => job.cancelled,
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
    'data.calibrate': async ({ folder }) => calibrate(folder),
    'project.openSample': async ({ jobId }, ctx) =>
      runJob(s, ctx, 'sample', jobId, async (job) => projectInfo(await openSampleProject(s.projects, s.dataDir, job))),
    'data.mappings': async ({ project }) => listMappings(await s.projects.get(project)),
    'data.rejects': async ({ project, reason, offset, limit }) => rejectsPage(await s.projects.get(project), reason, offset, limit),
    'data.exportRejects': async ({ project, out }) => exportRejects(await s.projects.get(project), out),
    'analytics.overview': async ({ project, ...filter }) => overview((await s.projects.get(project)).db, filter),
    'segments.compute': async ({ project, ...spec }) => computeSegments((await s.projects.get(project)).db, spec),
    'segments.load': async ({ project }) => loadSegments((await s.projects.get(project)).db),
    'segments.profile': async ({ project, selector }) => segmentProfile((await s.projects.get(project)).db, selector),
    'segments.exportCsv': async ({ project, out, lang }) => {
      const p = await s.projects.get(project);
      return exportSegmentsCsv(p.db, out ?? join(p.dir, 'exports', `segments-${timestamp(new Date())}.csv`), lang);
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'settings.get': async () => s.settings.get(),
    'settings.setLanguage': async ({ language }) => s.settings.setLanguage(language),
    'settings.addRecentProject': async ({ project }) => s.settings.addRecentProject(project),
  };
}
