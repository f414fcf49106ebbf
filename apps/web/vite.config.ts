import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** Gzipped initial-JS budgets per HTML entry, in bytes (issue 5): the buyer page opens on phones over mobile data. */
export const BUDGETS_GZIP_BYTES: Readonly<Record<string, number>> = {
  'buyer.html': 200 * 1024,
  'repair.html': 200 * 1024,
  'verify.html': 200 * 1024,
  'index.html': 800 * 1024,
};

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
}

/**
 * Measures each HTML entry's initial JavaScript (its entry chunk and every chunk it imports statically, gzipped at
 * level 9), prints the figures, writes them to dist/bundle-sizes.json and fails the build when an entry is over its
 * budget. Route chunks loaded on demand are listed separately.
 */
function bundleBudget(): Plugin {
  return {
    name: 'proofdesk-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      const gz = (c: ChunkLike) => gzipSync(c.code, { level: 9 }).length;
      const report: Record<string, { initialGzipBytes: number; budgetGzipBytes: number; chunks: string[] }> = {};
      const lazy: Record<string, number> = {};
      const failures: string[] = [];
      for (const entry of [...chunks.values()].filter((c) => c.isEntry && c.facadeModuleId?.endsWith('.html'))) {
        const html = entry.facadeModuleId!.split('/').pop()!;
        const seen = new Set<string>();
        const walk = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          for (const dep of chunks.get(name)?.imports ?? []) walk(dep);
        };
        walk(entry.fileName);
        const initial = [...seen].reduce((sum, name) => sum + gz(chunks.get(name)!), 0);
        const budget = BUDGETS_GZIP_BYTES[html] ?? Infinity;
        report[html] = { initialGzipBytes: initial, budgetGzipBytes: budget, chunks: [...seen] };
        if (initial > budget) failures.push(`${html}: ${kb(initial)} gzipped initial JS, budget ${kb(budget)}`);
      }
      const initialChunks = new Set(Object.values(report).flatMap((r) => r.chunks));
      for (const c of chunks.values()) if (!initialChunks.has(c.fileName)) lazy[c.fileName] = gz(c);
      const lines = Object.entries(report).map(
        ([html, r]) =>
          `  ${html.padEnd(11)} initial JS ${kb(r.initialGzipBytes)} gzipped (budget ${kb(r.budgetGzipBytes)})`,
      );
      const lazyTotal = Object.values(lazy).reduce((a, b) => a + b, 0);
      console.log(
        `\nBundle sizes:\n${lines.join('\n')}\n  loaded on demand (route chunks, gzipped): ${kb(lazyTotal)} in ${Object.keys(lazy).length} chunks`,
      );
      const out = join(here, 'dist', 'bundle-sizes.json');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify({ entries: report, chunksGzipBytes: lazy }, null, 2) + '\n');
      if (failures.length) this.error(`Bundle over budget:\n${failures.join('\n')}`);
    },
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), bundleBudget()],
  resolve: {
    alias: {
      '@proofdesk/catalogue': join(here, '../../packages/forensics/dist/finding-catalogue.js'),
    },
  },
  build: {
    outDir: 'dist/console',
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        console: join(here, 'index.html'),
        buyer: join(here, 'buyer.html'),
        repair: join(here, 'repair.html'),
        verify: join(here, 'verify.html'),
      },
    },
  },
});
