import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { ADMIN_USAGE, runAdmin } from './commands/admin.command.js';
import { AREAS_USAGE, runAreas } from './commands/areas.command.js';
import { AUDIT_USAGE, runAudit } from './commands/audit.command.js';
import { CHECK_USAGE, runCheck } from './commands/check.command.js';
import { HASH_USAGE, runHash } from './commands/hash.command.js';
import { PACKAGE_USAGE, runPackage } from './commands/package.command.js';
import { SERVE_USAGE, runServe } from './commands/serve.command.js';
import { WORKER_USAGE, runWorker } from './commands/worker.command.js';
import { seedDemoOnEmptyDatabase } from '../seed/demo-seed-hook.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage:
${CHECK_USAGE}

${HASH_USAGE}

${AREAS_USAGE}

${AUDIT_USAGE}

${PACKAGE_USAGE}

${ADMIN_USAGE}

${SERVE_USAGE}

${WORKER_USAGE}
`;

/**
 * The `proofdesk` command line. Returns the exit status: 0 success, 1 unexpected failure, 2 usage error.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    const config = loadConfig();
    const deps = { config, stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
    switch (command) {
      case 'check':
      case 'hash': {
        const ports = createForensicPorts(config.limits, {
          ...(config.c2paTrustAnchorsPath
            ? { c2paTrustAnchorsPem: readFileSync(config.c2paTrustAnchorsPath, 'utf8') }
            : {}),
        });
        // The tamper analyses' worker boots while the references are prepared and the first photo is read.
        if (command === 'check') void ports.warm();
        try {
          return command === 'check'
            ? await runCheck(args, { ...deps, ports })
            : await runHash(args, { ...deps, ports });
        } finally {
          await ports.close();
        }
      }
      case 'areas':
        return await runAreas(args, { ...deps, stdin: process.stdin });
      case 'audit':
        return await runAudit(args, deps);
      case 'package':
        return await runPackage(args, deps);
      case 'admin':
        return await runAdmin(args, { ...deps, stdin: process.stdin });
      case 'serve':
        return await runServe(args, { config, onEmptyDatabase: seedDemoOnEmptyDatabase });
      case 'worker':
        return await runWorker(args, { config });
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`proofdesk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`proofdesk: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      `proofdesk: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
