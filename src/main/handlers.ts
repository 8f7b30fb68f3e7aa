import type { Args, EventName, Events, Method, Result } from '../shared/contract';
import { exportRejects } from './services/data/exportRejects';
import { importLpoint } from './services/data/importLpoint';
import { rejectsPage } from './services/data/rejectsPage';
import { JobRegistry } from './services/jobs/jobs';
import { projectInfo } from './services/project/projectInfo';
import { ProjectStore } from './services/project/projectStore';
import { SettingsService, type SettingsBackend } from './services/settings/settingsStore';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [M in Method]: (args: Args<M>, ctx: CallContext) => Promise<Result<M>> };

export interface Services {
  projects: ProjectStore;
  jobs: JobRegistry;
  settings: SettingsService;
}

export function createServices(settings: SettingsBackend, jobs = new JobRegistry()): Services {
  return { projects: new ProjectStore(), jobs, settings: new SettingsService(settings) };
}

/** The one handler table every transport (Electron IPC, HTTP, CLI) calls. */
export function createHandlers(s: Services): Handlers {
  return {
    'project.create': async ({ project }) => projectInfo(await s.projects.create(project)),
    'project.open': async ({ project }) => projectInfo(await s.projects.get(project)),
    'project.close': async ({ project }) => ({ closed: s.projects.close(project) }),
    'project.info': async ({ project }) => projectInfo(await s.projects.get(project)),
    'data.importLpoint': async (args, ctx) => {
      const project = await s.projects.get(args.project);
      const started = performance.now();
      let ok = false;
      let cancelled = false;
      let id = args.jobId ?? '';
      try {
        const report = await s.jobs.run(
          'import',
          args.jobId,
          (p) => ctx.emit('job.progress', p),
          (job) => {
            id = job.id;
            return importLpoint(project, args, job);
          },
        );
        ok = true;
        return report;
      } catch (error) {
        cancelled = (error as { code?: string }).code === 'CANCELLED';
        throw error;
      } finally {
        ctx.emit('job.finished', { jobId: id, kind: 'import', ok, cancelled, seconds: (performance.now() - started) / 1000 });
      }
    },
    'data.rejects': async ({ project, reason, offset, limit }) => rejectsPage(await s.projects.get(project), reason, offset, limit),
    'data.exportRejects': async ({ project, out }) => exportRejects(await s.projects.get(project), out),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'settings.get': async () => s.settings.get(),
    'settings.setLanguage': async ({ language }) => s.settings.setLanguage(language),
    'settings.addRecentProject': async ({ project }) => s.settings.addRecentProject(project),
  };
}
