/** Settings kept between starts (electron-store in Electron, conf in browser/CLI mode: one schema). */
export interface Settings {
  language: 'ko' | 'en';
  recentProjects: string[];
  /**
   * DuckDB's memory limit per open project (MiB): past it, imports and queries spill to disk, so a
   * project of any size opens on a laptop. The process as a whole peaks a few hundred MiB above it.
   */
  memoryLimitMb: number;
  /** Where DuckDB spills: 'project' (a .spill folder inside the project), 'system' (the system temp folder) or a folder. */
  spillFolder: string;
  /** TensorFlow.js backend for training: auto = native if installed, else wasm, else cpu (see models/tfBackend.ts). */
  trainingBackend: TrainingBackendChoice;
}

export const TRAINING_BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type TrainingBackendChoice = (typeof TRAINING_BACKENDS)[number];

export const DEFAULT_MEMORY_LIMIT_MB = 384;
export const MIN_MEMORY_LIMIT_MB = 32;

export const DEFAULT_SETTINGS: Settings = { language: 'ko', recentProjects: [], memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB, spillFolder: 'project', trainingBackend: 'auto' };

export const MAX_RECENT_PROJECTS = 10;

export function withRecentProject(recent: readonly string[], project: string): string[] {
  return [project, ...recent.filter((p) => p !== project)].slice(0, MAX_RECENT_PROJECTS);
}

/** JSON schema handed to conf / electron-store so both validate the same way. */
export const SETTINGS_SCHEMA = {
  language: { type: 'string', enum: ['ko', 'en'], default: 'ko' },
  recentProjects: { type: 'array', items: { type: 'string' }, default: [] },
  memoryLimitMb: { type: 'number', minimum: MIN_MEMORY_LIMIT_MB, default: DEFAULT_MEMORY_LIMIT_MB },
  spillFolder: { type: 'string', minLength: 1, default: 'project' },
  trainingBackend: { type: 'string', enum: [...TRAINING_BACKENDS], default: 'auto' },
} as const;
