import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { FINDING_CODES } from '@proofdesk/forensics';
import { REPO_ROOT } from '../testing/paths.js';
import { renderFindingsDoc } from './findings-doc.js';

it('docs/findings.md is the catalogue as generated (run `npm run docs:findings`)', () => {
  const committed = readFileSync(join(REPO_ROOT, 'docs', 'findings.md'), 'utf8');
  assert.equal(committed, renderFindingsDoc());
});

it('every finding code is dotted snake_case', () => {
  for (const code of FINDING_CODES) assert.match(code, /^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
});
