#!/usr/bin/env node
// Runs every compiled test file (`*.test.js` under packages/*/dist and apps/*/dist) with node's test runner,
// whose closing summary (`# pass N` / `# fail N`) CI reads. Pass file-name filters as arguments to narrow the run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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
  .sort()
  // The browser journeys take a third of the run in one file: start them first so the rest overlaps them.
  .sort((a, b) => Number(b.includes('journeys.test')) - Number(a.includes('journeys.test')));
// Two files at a time even on two cores (node's default is cores − 1): most suites wait on PostgreSQL, child
// processes and Chromium rather than compute, and each suite has its own schema, ports and temp dirs.
const concurrency = Math.max(2, availableParallelism() - 1);
if (files.length === 0) {
  console.error('No test files found: run `npm run build` first.');
  process.exit(1);
}
// Human-readable spec output on the terminal, TAP to a file for the closing count line.
const tapFile = join(mkdtempSync(join(tmpdir(), 'proofdesk-tests-')), 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
const tap = readFileSync(tapFile, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);
