import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file compiles to apps/server/dist/testing/paths.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Absolute path of a file under `fixtures/`. */
export function fixturePath(...segments: string[]): string {
  return join(REPO_ROOT, 'fixtures', ...segments);
}
