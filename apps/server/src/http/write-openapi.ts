/** `npm run openapi`: regenerates apps/server/openapi.json from the route table. */
import { writeFileSync } from 'node:fs';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi-document.js';

writeFileSync(OPENAPI_FILE, await generateOpenApiDocument());
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
