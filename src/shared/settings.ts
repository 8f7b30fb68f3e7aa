/** Settings kept between starts (electron-store in Electron, conf in browser/CLI mode: one schema). */
export interface Settings {
  language: 'ko' | 'en';
  recentProjects: string[];
}

export const DEFAULT_SETTINGS: Settings = { language: 'ko', recentProjects: [] };

export const MAX_RECENT_PROJECTS = 10;

export function withRecentProject(recent: readonly string[], project: string): string[] {
  return [project, ...recent.filter((p) => p !== project)].slice(0, MAX_RECENT_PROJECTS);
}

/** JSON schema handed to conf / electron-store so both validate the same way. */
export const SETTINGS_SCHEMA = {
  language: { type: 'string', enum: ['ko', 'en'], default: 'ko' },
  recentProjects: { type: 'array', items: { type: 'string' }, default: [] },
} as const;
