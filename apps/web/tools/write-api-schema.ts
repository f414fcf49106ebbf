import { writeFile } from 'node:fs/promises';
import { renderApiSchema, SCHEMA_FILE } from './api-schema.js';

await writeFile(SCHEMA_FILE, await renderApiSchema());
console.log(`wrote ${SCHEMA_FILE}`);
