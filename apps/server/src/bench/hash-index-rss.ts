/**
 * Child process of `hash-index.bench.ts`: builds one index in a fresh process and prints how much its resident set
 * grew, as a cross-check of the bytes the index's typed arrays report. A fresh process, because in a long-lived one
 * the allocator reuses and returns memory freed by earlier builds whenever it likes.
 *
 * Run: `node --expose-gc apps/server/dist/bench/hash-index-rss.js <size> <random|clustered> <dualChunks>`
 */
import { clusteredHashWords, HashIndex, randomHashWords } from '@proofdesk/forensics';

const [size, data, dualChunks] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc');

async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage().rss;
}

const words = data === 'clustered' ? clusteredHashWords(size, 2) : randomHashWords(size, 1);
const ids = Uint32Array.from({ length: size }, (_, i) => i * 2 + 1);
const before = await settledRss();
const index = HashIndex.build(ids, words, { dualChunks });
const after = await settledRss();
console.log(JSON.stringify({ rssDeltaBytes: after - before, arrayBytes: index.memory().totalBytes, size: index.size }));
