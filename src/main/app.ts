// The composition root: the one place that builds the services and the handler table. The
// Electron shell, browser mode, the CLI, the bench and the tests all start here.
import { JobRegistry } from './services/jobs/jobs';
import { ProjectStore } from './services/project/projectStore';
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
  const services: Services = {
    projects: new ProjectStore(),
    jobs: options.jobs ?? new JobRegistry(),
    settings: new SettingsService(options.settings),
    dataDir: options.dataDir,
  };
  return {
    services,
    handlers: createHandlers(services),
    close: async () => {
      for (const id of services.jobs.running()) services.jobs.cancel(id);
      await services.projects.closeAll();
    },
  };
}

/** The app outside Electron (browser mode, CLI): settings through conf, files in the user's data folder. */
export function createNodeApp(): App {
  return createApp({ settings: confSettings(), dataDir: defaultDataDir() });
}
