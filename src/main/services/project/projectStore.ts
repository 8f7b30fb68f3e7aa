import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { Database } from '../db/database';
import { SCHEMA_SQL } from './schema';

export const PROJECT_FILE = 'project.duckdb';

export interface Project {
  dir: string;
  db: Database;
}

/**
 * Open projects by folder. A project is a folder holding project.duckdb plus models/ and exports/.
 * One process owns a project file at a time (DuckDB locks it).
 */
export class ProjectStore {
  private readonly open = new Map<string, Project>();
  /** Projects a job is writing to, with what it does; other calls on them are refused until it ends. */
  private readonly busy = new Map<string, string>();

  async create(dir: string): Promise<Project> {
    const abs = resolve(dir);
    if (existsSync(join(abs, PROJECT_FILE))) {
      throw new AppError('PROJECT_EXISTS', `A project already exists in ${abs}; open it instead.`);
    }
    if (existsSync(abs) && (!statSync(abs).isDirectory() || readdirSync(abs).length > 0)) {
      throw new AppError('BAD_ARGUMENT', `${abs} is not an empty folder; choose a new or empty folder for the project.`);
    }
    mkdirSync(join(abs, 'models'), { recursive: true });
    mkdirSync(join(abs, 'exports'), { recursive: true });
    return this.attach(abs);
  }

  async get(dir: string): Promise<Project> {
    const abs = resolve(dir);
    const job = this.busy.get(abs);
    if (job) {
      throw new AppError('BUSY', `An ${job} is running on the project in ${abs}; wait for it to finish or cancel it.`);
    }
    const known = this.open.get(abs);
    if (known) return known;
    if (!existsSync(join(abs, PROJECT_FILE))) {
      throw new AppError('NOT_A_PROJECT', `${abs} is not a project folder (no ${PROJECT_FILE}); create it first (workbench create --project DIR, or import into it).`);
    }
    return this.attach(abs);
  }

  /**
   * Runs work that writes to a project with the project to itself: DuckDB runs one statement at
   * a time per connection, and a read in the middle of an import's transaction would see or break it.
   */
  async exclusive<T>(dir: string, what: string, work: (project: Project) => Promise<T>): Promise<T> {
    const project = await this.get(dir);
    this.busy.set(project.dir, what);
    try {
      return await work(project);
    } finally {
      this.busy.delete(project.dir);
    }
  }

  close(dir: string): boolean {
    const abs = resolve(dir);
    const project = this.open.get(abs);
    if (!project) return false;
    this.open.delete(abs);
    project.db.close();
    return true;
  }

  closeAll(): void {
    for (const dir of [...this.open.keys()]) this.close(dir);
  }

  private async attach(abs: string): Promise<Project> {
    let db: Database;
    try {
      db = await Database.open(join(abs, PROJECT_FILE));
    } catch (error) {
      const text = String((error as Error).message ?? error);
      if (/lock/i.test(text)) {
        throw new AppError('PROJECT_LOCKED', `The project in ${abs} is open in another program; close it there first.`);
      }
      throw new AppError('IO', `Could not open the project in ${abs}: ${text}`);
    }
    await db.run(SCHEMA_SQL);
    const project = { dir: abs, db };
    this.open.set(abs, project);
    return project;
  }
}
