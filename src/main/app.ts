// The composition root: the one place that builds the services and the handler table. The
// Electron shell, browser mode, the CLI, the bench and the tests all start here.
import { JobRegistry } from './services/jobs/jobs';
import { trainingHost } from './workers/trainInWorker';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Settings } from '../shared/settings';
import type { DbOptions } from './services/db/database';
import { PROJECT_FILE, ProjectStore } from './services/project/projectStore';
import type { Services } from './services/services';
import { confSettings, defaultDataDir, SettingsService, type SettingsBackend } from './services/settings/settingsStore';
import { createHandlers, type Handlers } from './transport/handlers';

export type { Services } from './services/services';
export type { CallContext, Handlers } from './transport/handlers';

export interface AppOptions {
  /** electron-store in Electron, conf elsewhere. */
  settings: SettingsBackend;
  /** Where the app keeps its own files (the sample project). */
  dataDir: string;
  /** A registry with its own clock or throttle (tests). */
  jobs?: JobRegistry;
}

export interface App {
  services: Services;
  handlers: Handlers;
  /** Cancels running jobs, waits for the work in flight and closes every project. */
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const settings = new SettingsService(options.settings);
  const services: Services = {
    projects: new ProjectStore((dir) => storageOptions(settings.get(), dir)),
    jobs: options.jobs ?? new JobRegistry(),
    settings,
    dataDir: options.dataDir,
    training: trainingHost(),
  };
  return {
    services,
    handlers: createHandlers(services),
    close: async () => {
      for (const id of services.jobs.running()) services.jobs.cancel(id);
      await services.projects.closeAll();
      await services.training.close();
    },
  };
}

/** DuckDB's memory limit and spill folder for a project, from the settings. */
export function storageOptions(s: Pick<Settings, 'memoryLimitMb' | 'spillFolder'>, dir: string): DbOptions {
  const tempDirectory =
    s.spillFolder === 'project' ? join(dir, PROJECT_FILE + '.tmp') : s.spillFolder === 'system' ? join(tmpdir(), 'campaign-workbench-spill', basename(dir)) : s.spillFolder;
  return { memoryLimitMb: s.memoryLimitMb, tempDirectory };
}

/** The app outside Electron (browser mode, CLI): settings through conf, files in the user's data folder. */
export function createNodeApp(): App {
  return createApp({ settings: confSettings(), dataDir: defaultDataDir() });
}
