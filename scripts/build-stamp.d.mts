// Types for scripts/build-stamp.mjs, so the unit test (test/unit/startBuild.test.ts) imports it typed.
export interface Fingerprint {
  version: number;
  hash: string;
  files: number;
}
export const ROOT: string;
export const STAMP_FILE: string;
export const INPUT_DIRS: readonly string[];
export const INPUT_FILES: readonly string[];
export const OUTPUTS: readonly string[];
export function fingerprint(root?: string): Fingerprint;
export function readStamp(root?: string): (Fingerprint & { builtAt: string }) | null;
export function checkStamp(root?: string): { fresh: boolean; reason: string };
export function writeStamp(root: string, print: Fingerprint): void;
export function clearStamp(root?: string): void;
export function ensureBuilt(options?: { quiet?: boolean; ifStale?: boolean }): number;
