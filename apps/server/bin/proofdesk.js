#!/usr/bin/env node
// The `proofdesk` command (built by `npm run build` into ../dist).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
