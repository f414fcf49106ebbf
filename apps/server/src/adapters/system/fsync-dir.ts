import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Flushes a directory's entries to disk, so a file just renamed or linked into it survives a power cut, not only
 * the file's bytes.
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
