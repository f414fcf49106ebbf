/** The port through which the server persists the hash index (adapter: `fs.hash-index-store.ts`). */
import type { HashIndex } from './hash-index.js';

/** Where an index is kept between runs. */
export interface HashIndexStore {
  /**
   * The stored index, or undefined when none has been saved yet.
   * @throws {HashIndexFormatError} when the stored bytes are truncated, corrupt or of another version
   */
  load(): Promise<HashIndex | undefined>;
  /** Replaces the stored index atomically: after a crash, either the old or the new index is there, whole. */
  save(index: HashIndex): Promise<void>;
}
