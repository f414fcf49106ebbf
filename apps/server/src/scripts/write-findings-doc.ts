import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../testing/paths.js';
import { renderFindingsDoc } from './findings-doc.js';

const target = join(REPO_ROOT, 'docs', 'findings.md');
writeFileSync(target, renderFindingsDoc());
console.log(`wrote ${target}`);
