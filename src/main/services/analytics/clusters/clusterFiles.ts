import { existsSync, readFileSync } from 'node:fs';
import { keyedError } from '../../../../shared/errors';
import type { Lang } from '../../../../shared/i18n';
import type { Sql } from '../../db/database';
import { writeCsvAtomic } from '../../files/atomicCsv';
import { adjustedRandIndex } from '../../models/kmeans';
import { finishedClusterRun } from './finishedRun';

const HEADINGS: Record<Lang, string[]> = { ko: ['고객번호', '군집', '군집 이름'], en: ['customer_id', 'cluster', 'cluster_name'] };

/** One row per clustered customer (UTF-8 with BOM, written whole or not at all). */
export async function exportClusters(db: Sql, runId: string, path: string, lang: Lang = 'ko'): Promise<{ path: string; rows: number }> {
  const report = (await finishedClusterRun(db, runId)).report;
  const rows = await db.all<{ customer_id: string; cluster: number }>(`SELECT customer_id, cluster FROM customer_clusters WHERE run_id = $1 ORDER BY customer_id`, [runId]);
  const nameOf = new Map(report.profiles.map((p) => [p.cluster, p.name[lang]]));
  const written = await writeCsvAtomic(path, HEADINGS[lang], [rows.map((r) => [r.customer_id, r.cluster + 1, nameOf.get(r.cluster) ?? ''])]);
  return { path, rows: written };
}

export interface ClusterTruthComparison {
  /** Adjusted Rand index between the clusters and the planted archetypes, over the clustered customers. */
  ari: number;
  customers: number;
  archetypes: string[];
  /** Cluster × archetype counts. */
  crossTab: number[][];
}

/**
 * Checks a clustering against the archetypes the sample generator planted (its GENERATOR_MANIFEST.json:
 * one digit per customer in the customer file's order, which is ascending customer id).
 */
export async function compareWithTruth(db: Sql, runId: string, manifestPath: string): Promise<ClusterTruthComparison> {
  const report = (await finishedClusterRun(db, runId)).report;
  if (!existsSync(manifestPath)) throw keyedError('NOT_FOUND', `The file ${manifestPath} does not exist or cannot be read.`, 'fileNotFound', { file: manifestPath });
  let truth: { ko: string[]; byCustomer: string } | undefined;
  try {
    truth = JSON.parse(readFileSync(manifestPath, 'utf8'))?.groundTruth?.archetypes;
  } catch {
    truth = undefined;
  }
  if (!truth || typeof truth.byCustomer !== 'string') {
    throw keyedError('BAD_FILE', `${manifestPath} is not a generator manifest with planted archetypes.`, 'notAManifest', { file: manifestPath });
  }
  const customers = await db.all<{ customer_id: string }>(`SELECT customer_id FROM customers ORDER BY customer_id`);
  if (customers.length !== truth.byCustomer.length) {
    throw keyedError('BAD_ARGUMENT', `The manifest lists ${truth.byCustomer.length} customers; this project has ${customers.length}. It is not this project's data.`, 'manifestMismatch', {
      listed: truth.byCustomer.length,
      customers: customers.length,
    });
  }
  const archetypeOf = new Map(customers.map((c, i) => [c.customer_id, Number(truth!.byCustomer[i])]));
  const rows = await db.all<{ customer_id: string; cluster: number }>(`SELECT customer_id, cluster FROM customer_clusters WHERE run_id = $1 ORDER BY customer_id`, [runId]);
  const a = Int32Array.from(rows, (r) => r.cluster);
  const b = Int32Array.from(rows, (r) => archetypeOf.get(r.customer_id) ?? -1);
  const crossTab = Array.from({ length: report.k }, () => new Array<number>(truth!.ko.length).fill(0));
  rows.forEach((_, i) => b[i] >= 0 && (crossTab[a[i]][b[i]] += 1));
  return { ari: adjustedRandIndex(a, b), customers: rows.length, archetypes: truth.ko, crossTab };
}
