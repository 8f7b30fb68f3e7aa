/** The page's settings as the form holds them: the list (a past export's path or one typed in), the contact file, the window and the seed. */
export interface ReadbackSettings {
  /** The chosen past export's path, or '' for the typed path. */
  listChoice: string;
  listTyped: string;
  contacts: string;
  window: number;
  seed: number;
}

/** The defaults of readbackSchema. */
export const DEFAULT_SETTINGS: ReadbackSettings = { listChoice: '', listTyped: '', contacts: '', window: 30, seed: 42 };

/** A whole number within [min, max] from what the field holds (empty or junk: min). */
export const wholeIn = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(Number(value) || 0)));

/** The list path the settings name. */
export const listPath = (s: ReadbackSettings) => (s.listChoice || s.listTyped).trim();

/** The call's arguments, or null while a path is missing. */
export function readbackArgs(project: string, s: ReadbackSettings): { project: string; list: string; contacts: string; window: number; seed: number } | null {
  const list = listPath(s);
  const contacts = s.contacts.trim();
  return list && contacts ? { project, list, contacts, window: s.window, seed: s.seed } : null;
}
