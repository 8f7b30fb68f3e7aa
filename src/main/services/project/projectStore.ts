import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyedError } from '../../../shared/errors';
import { Database, type DbOptions, type Session } from '../db/database';
import { migrate } from './migrations';

export const PROJECT_FILE = 'project.duckdb';

/** A project as a unit of work sees it: its folder and a session of its own on its file. */
export interface Project {
  dir: string;
  db: Session;
  /**
   * Runs a part that writes in the project's write turn, on this session. Inside a write it just
   * runs; inside a staged job (an import) it waits for the writes queued before it.
   */
  commit<R>(part: () => Promise<R>): Promise<R>;
}

/** An open project: its folder and its file (reads and writes are asked of the store). */
export interface OpenProject {
  dir: string;
  db: Database;
}

/**
 * Open projects by folder. A project is a folder holding project.duckdb plus models/ and exports/.
 * One process owns a project file at a time (DuckDB locks it); inside this process every call
 * gets a session of its own (see Database): reads run side by side, writes one at a time.
 */
export class ProjectStore {
  private readonly open = new Map<string, Promise<OpenProject>>();
  private readonly closing = new Map<string, Promise<void>>();

  /** `storage` gives each project's memory limit and spill folder when it opens (from the settings). */
  constructor(private readonly storage: (dir: string) => DbOptions = () => ({})) {}

  /** Applies the storage settings to every open project at once (and to those opened later). */
  async reconfigure(): Promise<void> {
    for (const [dir, p] of this.open) {
      const project = await p.catch(() => null);
      if (project) await project.db.configure(this.storage(dir));
    }
  }

  async create(dir: string): Promise<OpenProject> {
    const abs = resolve(dir);
    await this.closing.get(abs);
    if (existsSync(join(abs, PROJECT_FILE))) {
      throw keyedError('PROJECT_EXISTS', `A project already exists in ${abs}; open it instead.`, 'projectExists', { folder: abs });
    }
    if (existsSync(abs) && (!statSync(abs).isDirectory() || readdirSync(abs).length > 0)) {
      throw keyedError('BAD_ARGUMENT', `${abs} is not an empty folder; choose a new or empty folder for the project.`, 'folderNotEmpty', { folder: abs });
    }
    mkdirSync(abs, { recursive: true });
    return this.opening(abs);
  }

  /** The open project; calls that ask at the same moment share one open (one DuckDB instance per file). */
  async get(dir: string): Promise<OpenProject> {
    const abs = resolve(dir);
    await this.closing.get(abs);
    const known = this.open.get(abs);
    if (known) return known;
    if (!existsSync(join(abs, PROJECT_FILE))) {
      throw keyedError(
        'NOT_A_PROJECT',
        `${abs} is not a project folder (no ${PROJECT_FILE}); create it first (workbench create --project DIR, or import into it).`,
        'notAProject',
        { folder: abs, file: PROJECT_FILE },
      );
    }
    return this.opening(abs);
  }

  private opening(abs: string): Promise<OpenProject> {
    const opening = this.attach(abs);
    this.open.set(abs, opening);
    opening.catch(() => this.open.delete(abs));
    return opening;
  }

  /** Reads on a session of their own, beside other reads and the write in progress. */
  async read<T>(dir: string, work: (project: Project) => Promise<T>): Promise<T> {
    return this.use(dir, (open) => open.db.read((db) => work({ dir: open.dir, db, commit: (part) => open.db.enqueue('write', part) })));
  }

  /** Writes one at a time per project, each on a session of its own; `what` names it for BUSY messages. */
  async write<T>(dir: string, what: string, work: (project: Project) => Promise<T>): Promise<T> {
    return this.use(dir, (open) => open.db.write(what, (db) => work({ dir: open.dir, db, commit: (part) => part() })));
  }

  /**
   * Long work that writes at its end (an import): reads and stages beside other calls, then
   * `project.commit(part)` writes in the write queue's turn. One staged job at a time per project.
   */
  async staged<T>(dir: string, what: string, work: (project: Project) => Promise<T>): Promise<T> {
    return this.use(dir, (open) => open.db.staged(what, (db, commit) => work({ dir: open.dir, db, commit })));
  }

  /** The open project for new work: one being closed is waited for and opened again. */
  private async use<T>(dir: string, run: (open: OpenProject) => Promise<T>): Promise<T> {
    for (;;) {
      const open = await this.get(dir);
      // Checked and used in the same turn: a close cannot start in between.
      if (!open.db.isClosing) return run(open);
      await open.db.close();
    }
  }

  /** What the project's running write does, or null (for the UI: "an import is running"). */
  async writing(dir: string): Promise<string | null> {
    const known = this.open.get(resolve(dir));
    return known ? (await known).db.busyWith : null;
  }

  /**
   * Closes a project once the reads in flight end. Refused with BUSY while a write (an import)
   * runs or waits: closing must not lose it.
   */
  async close(dir: string): Promise<boolean> {
    const abs = resolve(dir);
    const known = this.open.get(abs);
    if (!known) return false;
    const project = await known.catch(() => null);
    if (!project) return false;
    if (project.db.pendingWrites > 0) {
      const work = project.db.busyWith ?? 'import';
      throw keyedError('BUSY', `An ${work} is running on the project in ${abs}; wait for it to finish or cancel it.`, 'projectBusy', { folder: abs, work });
    }
    this.open.delete(abs);
    const closing = project.db.close().finally(() => this.closing.delete(abs));
    this.closing.set(abs, closing);
    await closing;
    return true;
  }

  /** Closes every project when the app quits, after their work in flight. */
  async closeAll(): Promise<void> {
    const all = [...this.open.entries()];
    this.open.clear();
    await Promise.all(
      all.map(async ([, p]) => {
        const project = await p.catch(() => null);
        if (!project) return;
        await project.db.writeQueueIdle();
        await project.db.close();
      }),
    );
  }

  private async attach(abs: string): Promise<OpenProject> {
    let db: Database;
    try {
      db = await Database.open(join(abs, PROJECT_FILE), this.storage(abs));
    } catch (error) {
      const text = String((error as Error).message ?? error);
      if (/lock/i.test(text)) {
        throw keyedError('PROJECT_LOCKED', `The project in ${abs} is open in another program; close it there first.`, 'projectLocked', { folder: abs });
      }
      throw keyedError('IO', `Could not open the project in ${abs}: ${text}`, 'projectOpenFailed', { folder: abs, reason: text });
    }
    try {
      await db.write('upgrade', (session) => migrate(session, abs));
    } catch (error) {
      await db.close();
      throw error;
    }
    mkdirSync(join(abs, 'models'), { recursive: true });
    mkdirSync(join(abs, 'exports'), { recursive: true });
    return { dir: abs, db };
  }
}
