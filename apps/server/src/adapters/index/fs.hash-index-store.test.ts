import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { HashIndex, HashIndexFormatError, randomHashWords } from '@proofdesk/forensics';
import { createFsHashIndexStore } from './fs.hash-index-store.js';

const root = await mkdtemp(join(tmpdir(), 'proofdesk-hash-index-'));
after(() => rm(root, { recursive: true, force: true }));

function indexOf(size: number, seed: number): HashIndex {
  const ids = Uint32Array.from({ length: size }, (_, i) => i);
  return HashIndex.build(ids, randomHashWords(size, seed), { dualChunks: 1 });
}

describe('fs hash index store', () => {
  it('loads nothing before the first save, then what was saved, into a directory it creates', async () => {
    const path = join(root, 'a', 'nested', 'hash-index.bin');
    const store = createFsHashIndexStore(path);
    assert.equal(await store.load(), undefined);
    const index = indexOf(3000, 1);
    index.remove(7);
    index.add(99_999, 'f'.repeat(64));
    await store.save(index);
    const loaded = await store.load();
    assert.ok(loaded);
    assert.equal(loaded.size, 3000);
    assert.deepEqual(loaded.search('f'.repeat(64), 0), [{ id: 99_999, distanceBits: 0 }]);
    assert.equal(loaded.has(7), false);
  });

  it('replaces the file on each save and leaves no temporary file behind', async () => {
    const path = join(root, 'replace', 'hash-index.bin');
    const store = createFsHashIndexStore(path);
    await store.save(indexOf(2000, 2));
    await store.save(indexOf(500, 3));
    assert.equal((await store.load())?.size, 500);
    assert.deepEqual(await readdir(join(root, 'replace')), ['hash-index.bin']);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  it('never shows a reader a partial file while a save is under way', async () => {
    const path = join(root, 'readers', 'hash-index.bin');
    const store = createFsHashIndexStore(path);
    await store.save(indexOf(20_000, 5));
    let settled = false;
    const saving = store.save(indexOf(40_000, 6)).finally(() => (settled = true));
    const sizes = new Set<number>();
    while (!settled) sizes.add((await store.load())?.size ?? -1);
    await saving;
    sizes.add((await store.load())?.size ?? -1);
    assert.deepEqual(
      [...sizes].filter((n) => n !== 20_000 && n !== 40_000),
      [],
    );
    assert.ok(sizes.has(40_000));
  });

  it('names the file when it is truncated or is not an index', async () => {
    const path = join(root, 'broken', 'hash-index.bin');
    const store = createFsHashIndexStore(path);
    await store.save(indexOf(1000, 4));
    const { size } = await stat(path);
    await truncate(path, size - 100);
    await assert.rejects(store.load(), (error: unknown) => {
      assert.ok(error instanceof HashIndexFormatError);
      assert.equal(error.code, 'truncated');
      assert.match(error.message, new RegExp(`^${path}: Truncated hash index: ${size - 100} of ${size} bytes`));
      return true;
    });
    await writeFile(path, 'not an index');
    await assert.rejects(store.load(), /does not start with PDQHIDX/);
  });

  it('holds a whole index, old or new, when the saving process is killed with SIGKILL', async () => {
    const path = join(root, 'killed', 'hash-index.bin');
    const adapter = new URL('./fs.hash-index-store.js', import.meta.url).href;
    const core = import.meta.resolve('@proofdesk/forensics');
    const script = `
      const { createFsHashIndexStore } = await import(${JSON.stringify(adapter)});
      const { HashIndex, randomHashWords } = await import(${JSON.stringify(core)});
      const store = createFsHashIndexStore(${JSON.stringify(path)});
      const sizes = [60000, 90000];
      const indexes = sizes.map((n, k) => HashIndex.build(Uint32Array.from({ length: n }, (_, i) => i), randomHashWords(n, k), { dualChunks: 0 }));
      for (let round = 0; ; round++) await store.save(indexes[round % 2]);`;
    for (const delayMs of [0, 10, 30, 90]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      while ((await stat(path).catch(() => undefined)) === undefined) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await exited;
      const loaded = await createFsHashIndexStore(path).load();
      assert.ok(loaded !== undefined && [60000, 90000].includes(loaded.size), `after ${delayMs} ms: ${loaded?.size}`);
      // What the killed process left behind is only ever a temporary sibling, never the index itself.
      const names = await readdir(join(root, 'killed'));
      assert.ok(
        names.every((name) => name === 'hash-index.bin' || /^\.hash-index\.bin\.\d+\.[0-9a-f]+\.tmp$/.test(name)),
      );
      assert.ok((await readFile(path)).subarray(0, 7).toString() === 'PDQHIDX');
    }
  });
});
