/** One recorded run (a training, a validation…): what it was asked, on which data, what it found. */
export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface RunInfo {
  runId: string;
  kind: string;
  status: RunStatus;
  settings: Record<string, unknown>;
  seed: number | null;
  /** Fingerprint of the imported data the run read (the imports' content hashes). */
  dataFingerprint: string;
  /** The compute backend (e.g. tfjs-wasm), where the run trains. */
  backend: string | null;
  startedAt: string;
  finishedAt: string | null;
  seconds: number | null;
  metrics: Record<string, unknown> | null;
  /** Files the run wrote, relative to the project folder (models/<runId>/…). */
  artifacts: string[];
  /** Tables the run wrote its results to (its own, never the analyst's saved ones). */
  resultTables: string[];
  error: string | null;
}
