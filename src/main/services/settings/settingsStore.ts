import Conf from 'conf';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { badArgument } from '../../../shared/errors';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, withRecentProject, type Settings } from '../../../shared/settings';

/** The one settings interface services use; Electron passes an electron-store, browser/CLI mode uses conf. */
export interface SettingsBackend {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

export function confSettings(cwd?: string): SettingsBackend {
  return new Conf<Settings>({
    projectName: 'campaign-workbench',
    cwd,
    schema: SETTINGS_SCHEMA as never,
    defaults: DEFAULT_SETTINGS,
  });
}

export class SettingsService {
  constructor(private readonly backend: SettingsBackend) {}

  get(): Settings {
    return {
      language: this.backend.get('language'),
      recentProjects: this.backend.get('recentProjects'),
      memoryLimitMb: this.backend.get('memoryLimitMb') ?? DEFAULT_SETTINGS.memoryLimitMb,
      spillFolder: this.backend.get('spillFolder') ?? DEFAULT_SETTINGS.spillFolder,
      trainingBackend: this.backend.get('trainingBackend') ?? DEFAULT_SETTINGS.trainingBackend,
    };
  }

  /** DuckDB's memory limit and spill folder for the projects (see Settings). */
  setStorage(storage: Partial<Pick<Settings, 'memoryLimitMb' | 'spillFolder'>>): Settings {
    if (storage.spillFolder !== undefined && !['project', 'system'].includes(storage.spillFolder) && !isAbsolute(storage.spillFolder)) {
      throw badArgument(`The spill folder is "project", "system" or an absolute folder path; got "${storage.spillFolder}".`, ['spillFolder'], 'spillFolderInvalid', {
        value: storage.spillFolder,
      });
    }
    if (storage.memoryLimitMb !== undefined) this.backend.set('memoryLimitMb', storage.memoryLimitMb);
    if (storage.spillFolder !== undefined) this.backend.set('spillFolder', storage.spillFolder);
    return this.get();
  }

  /** The TensorFlow.js backend the next trainings ask for (the run records the one it got). */
  setTraining(training: Pick<Settings, 'trainingBackend'>): Settings {
    this.backend.set('trainingBackend', training.trainingBackend);
    return this.get();
  }

  setLanguage(language: Settings['language']): Settings {
    this.backend.set('language', language);
    return this.get();
  }

  addRecentProject(project: string): Settings {
    this.backend.set('recentProjects', withRecentProject(this.backend.get('recentProjects'), project));
    return this.get();
  }
}

/** Where browser mode and the CLI keep the app's own files (the sample project); CW_DATA_DIR overrides. */
export function defaultDataDir(): string {
  return process.env.CW_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'campaign-workbench');
}
