import { join } from 'node:path';

/** Where the embedded mode keeps its files under `--data`. */
export function dataPaths(dataDir: string): { database: string; blobs: string; keys: string } {
  return {
    database: join(dataDir, 'proofdesk.db'),
    blobs: join(dataDir, 'blobs'),
    keys: join(dataDir, 'keys.json'),
  };
}

/** The `--database` spec the command opens: the flag, or `<data>/proofdesk.db`. */
export function databaseSpec(values: { database?: string | undefined; data?: string | undefined }): string {
  return values.database ?? dataPaths(values.data ?? './data').database;
}
