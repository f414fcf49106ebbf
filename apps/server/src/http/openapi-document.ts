import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { composeServer } from './compose.js';

/** The committed OpenAPI document (this file compiles to apps/server/dist/http/). */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/**
 * The API's OpenAPI 3.1 document as the server serves it at `/api/v1/openapi.json`, formatted as the repository's
 * prettier formats JSON (so `prettier --check` and the drift test agree). Builds the real app over a throwaway
 * SQLite database; nothing listens.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-openapi-'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  try {
    const server = await composeServer({
      database: join(dir, 'openapi.db'),
      blobDir: join(dir, 'blobs'),
      keys: { contactKeys: { currentKeyId: 'k1', keys: { k1: randomBytes(32) } }, hmacKey: randomBytes(32) },
      forensic,
      worker: false,
    });
    let document: unknown;
    try {
      document = server.app.swagger();
    } finally {
      await server.close();
    }
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(OPENAPI_FILE)) ?? {};
    return await prettier.format(JSON.stringify(document), { ...config, parser: 'json' });
  } finally {
    await forensic.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
