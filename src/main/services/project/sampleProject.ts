import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateLpoint } from '../generator';
import { importLpoint } from '../data/importLpoint';
import type { Job } from '../jobs/jobs';
import { ensureReceiptFacts } from '../analytics/receiptFacts';
import { PROJECT_FILE, type OpenProject, type ProjectStore } from './projectStore';

export const SAMPLE_CUSTOMERS = 3000;
export const SAMPLE_SEED = 20210101;

/**
 * The sample project the app makes for itself on first start: the built-in generator's data
 * (3,000 customers, fixed seed, with its planted bad lines so the quality report has something
 * to show), already imported. Built beside its final place and moved there only when complete.
 */
export async function openSampleProject(projects: ProjectStore, dataDir: string, job: Job): Promise<OpenProject> {
  const dir = join(dataDir, 'sample-project');
  if (existsSync(join(dir, PROJECT_FILE))) return projects.get(dir);
  // Two windows (or a double-mounted effect) asking at once share one build.
  const running = building.get(dir);
  if (running) return running;
  const build = buildSample(projects, dataDir, dir, job).finally(() => building.delete(dir));
  building.set(dir, build);
  return build;
}

const building = new Map<string, Promise<OpenProject>>();

async function buildSample(projects: ProjectStore, dataDir: string, dir: string, job: Job): Promise<OpenProject> {
  const partial = join(dataDir, 'sample-project.partial');
  const source = join(dataDir, 'sample-source');
  rmSync(partial, { recursive: true, force: true });
  try {
    await generateLpoint({
      out: source,
      customers: SAMPLE_CUSTOMERS,
      seed: SAMPLE_SEED,
      onProgress: (p) => job.progress({ step: `sample: ${p.step}`, rowsDone: p.linesDone, fraction: p.fraction / 2 }),
      cancelled: () => job.cancelled,
    });
    await projects.create(partial);
    await projects.staged(partial, 'import', async (project) => {
      await importLpoint(project, { folder: source, dropDuplicates: false, replace: false }, job);
      await project.commit(() => ensureReceiptFacts(project.db));
    });
    await projects.close(partial);
    renameSync(partial, dir);
    return projects.get(dir);
  } catch (error) {
    await projects.close(partial).catch(() => false);
    rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}
