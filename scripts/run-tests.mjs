#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` under packages/*/dist and apps/*/dist) with node's test runner,
// whose closing summary (`# pass N` / `# fail N`) CI reads. Pass file-name filters as arguments to narrow the run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(dir)
    .map((name) => join(dir, name, 'dist'))
    .filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory()),
);
/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}
const filters = process.argv.slice(2);
const files = roots
  .flatMap(findTests)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('No test files found: run `npm run build` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
