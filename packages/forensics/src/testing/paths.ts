import { fileURLToPath } from 'node:url';

/** The repository root (this file compiles to packages/forensics/dist/testing/paths.js). For tests only. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Absolute path of a file under `fixtures/`. For tests only. */
export function fixturePath(...segments: string[]): string {
  return [REPO_ROOT.replace(/\/$/, ''), 'fixtures', ...segments].join('/');
}

/** Absolute path of a file under the shared data folder beside the repository (`../shared/data`). For tests only. */
export function sharedDataPath(...segments: string[]): string {
  return [REPO_ROOT.replace(/\/$/, ''), '..', 'shared', 'data', ...segments].join('/');
}
