import type { JobRegistry } from './jobs/jobs';
import type { ProjectStore } from './project/projectStore';
import type { SettingsService } from './settings/settingsStore';
import type { WorkerHost } from '../workers/host';

/** The services one process runs: built once by the composition root (src/main/app.ts). */
export interface Services {
  projects: ProjectStore;
  jobs: JobRegistry;
  settings: SettingsService;
  /** Where the app keeps its own files (the sample project). */
  dataDir: string;
  /** The long-lived training worker (churn models; TensorFlow.js loads there once). */
  training: WorkerHost;
}
