import { availableParallelism } from 'node:os';
import { DuckDBInstance, quotedString, type DuckDBValue } from '@duckdb/node-api';

/**
 * Threads for a memory limit: every thread holds buffers of its own (the CSV reader's above all), so
 * a small limit with many cores runs out of memory instead of spilling; 32 MiB a thread at least.
 */
function threadsFor(memoryLimitMb: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(memoryLimitMb / 32)));
}

/**
 * DuckDB's memory limit (MiB) and the folder it spills to past it (created when first needed); DuckDB's
 * defaults where absent (80 % of the RAM; project.duckdb.tmp beside the file).
 */
export interface DbOptions {
  memoryLimitMb?: number;
  tempDirectory?: string;
}
import { keyedError } from '../../../shared/errors';
import { Session, type Row, type Sql } from './session';

export { Session, type Row, type Sql } from './session';

/** Runs one part of a staged job in the project's write turn. */
export type Commit = <R>(part: () => Promise<R>) => Promise<R>;

/**
 * One open DuckDB file. Every unit of work gets its own connection (a Session) and with it its
 * own transaction: reads run side by side on the last committed state; writes go through one
 * queue, one at a time. Closing waits for the work in flight and refuses new work.
 */
export class Database implements Sql {
  private writes: Promise<unknown> = Promise.resolve();
  private stagedTail: Promise<unknown> = Promise.resolve();
  private active = 0;
  private queued = 0;
  private staging = 0;
  private stagingWhat: string | null = null;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;
  /** What the write running now does (for BUSY messages); null when none. */
  writing: string | null = null;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
  ) {}

  static async open(path: string, options: DbOptions = {}): Promise<Database> {
    const config: Record<string, string> = {};
    if (options.memoryLimitMb) {
      config.memory_limit = `${Math.floor(options.memoryLimitMb)}MiB`;
      config.threads = String(threadsFor(options.memoryLimitMb));
    }
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    const instance = await DuckDBInstance.create(path, config);
    return new Database(path, instance);
  }

  /**
   * Changes the memory limit and spill folder of the open file (DuckDB applies them at once). A file
   * that has spilled already keeps its spill folder until it is opened again (DuckDB cannot switch it);
   * the limit still changes.
   */
  async configure(options: DbOptions): Promise<void> {
    await this.read(async (s) => {
      if (options.memoryLimitMb) {
        await s.run(`SET memory_limit = '${Math.floor(options.memoryLimitMb)}MiB'`);
        await s.run(`SET threads = ${threadsFor(options.memoryLimitMb)}`);
      }
      if (options.tempDirectory) {
        const now = await s.one<{ d: string }>(`SELECT current_setting('temp_directory') AS d`);
        if (now?.d !== options.tempDirectory) {
          await s.run(`SET temp_directory = ${quotedString(options.tempDirectory)}`).catch((error: Error) => {
            if (!/Cannot switch temporary directory/.test(error.message)) throw error;
          });
        }
      }
    });
  }

  /** Runs `work` on a session of its own, beside any other reads and the write in progress. */
  async read<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.withSession(work);
  }

  /**
   * Runs `work` after every write queued before it, on a session of its own. `what` names the
   * work for anyone told the project is busy.
   */
  async write<T>(what: string, work: (session: Session) => Promise<T>): Promise<T> {
    return this.enqueue(what, () => this.withSession(work));
  }

  /**
   * Long work that writes only at its end (an import): one such job at a time, reading and
   * staging on a session of its own beside other reads and writes; `commit(part)` runs a part in
   * the write queue's turn on that same session (its temporary tables stay visible). Other writes
   * wait only for the commit, not for the whole job.
   */
  async staged<T>(what: string, work: (session: Session, commit: Commit) => Promise<T>): Promise<T> {
    this.ensureOpen();
    this.staging += 1;
    const turn = this.stagedTail
      .then(() => {
        this.stagingWhat = what;
        return this.withSession((session) => work(session, (part) => this.enqueue(what, part)));
      })
      .finally(() => {
        this.staging -= 1;
        this.stagingWhat = null;
      });
    this.stagedTail = turn.catch(() => undefined);
    return turn;
  }

  /** Runs `run` in the write queue's turn (on whatever session it closes over). */
  enqueue<T>(what: string, run: () => Promise<T>): Promise<T> {
    this.ensureOpen();
    this.queued += 1;
    const turn = this.writes.then(async () => {
      this.writing = what;
      try {
        return await run();
      } finally {
        this.writing = null;
        this.queued -= 1;
      }
    });
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  /** What the project is busy with (a write or a staged job), or null. */
  get busyWith(): string | null {
    return this.writing ?? this.stagingWhat;
  }

  /** Resolves when every staged job and write asked for so far has ended (whatever its outcome). */
  async writeQueueIdle(): Promise<void> {
    await this.stagedTail;
    await this.writes;
  }

  /** Whether close was asked: new work must open the file again. */
  get isClosing(): boolean {
    return this.closing !== null;
  }

  /** Writes and staged jobs queued or running. */
  get pendingWrites(): number {
    return this.queued + this.staging;
  }

  /** One statement on a session of its own (reads, and writes in tests and set-up). */
  async all<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T[]> {
    return this.read((s) => s.all<T>(sql, values));
  }

  async one<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T | undefined> {
    return (await this.all<T>(sql, values))[0];
  }

  async run(sql: string, values?: DuckDBValue[]): Promise<void> {
    await this.read((s) => s.run(sql, values));
  }

  /** Waits for the work in flight, then closes the file. Closing twice is closing once. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        if (this.active === 0) resolve();
        else this.drained = resolve;
      }).then(() => this.instance.closeSync());
    }
    return this.closing;
  }

  private async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    this.ensureOpen();
    this.active += 1;
    let session: Session | null = null;
    try {
      session = new Session(await this.instance.connect());
      return await work(session);
    } finally {
      session?.close();
      this.active -= 1;
      if (this.active === 0 && this.drained) this.drained();
    }
  }

  private ensureOpen(): void {
    if (this.closing) throw keyedError('BUSY', `The project file ${this.path} is being closed; open the project again.`, 'projectClosing', { file: this.path });
  }
}

/** One session on a fresh in-memory database (scratch work: previews, calibration), closed after. */
export async function withScratchSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
  // Samples and previews only: a small budget (they stream the file; nothing big is kept).
  const db = await Database.open(':memory:', { memoryLimitMb: 256 });
  try {
    return await db.read(work);
  } finally {
    await db.close();
  }
}
