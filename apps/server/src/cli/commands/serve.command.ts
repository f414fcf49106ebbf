import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import type { Config } from '../../config.js';
import { createForensicPorts } from '../../adapters/media/forensic-ports.js';
import { composeServer, type EmptyDatabaseContext } from '../../http/compose.js';
import { TestClock } from '../../services/sla-test-clock.js';
import { createHttpLogger } from '../../http/logger.js';
import { databaseSpec, dataPaths } from '../data-paths.js';
import { stopped } from '../stop-signal.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';
import { workerKeys } from './worker.command.js';

export const SERVE_USAGE = `proofdesk serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--database <sqlite path | postgres URL>] [--no-worker]

  Starts the HTTP API (/api/v1, docs at /api/docs, OpenAPI at /api/v1/openapi.json) and, unless --no-worker, the
  in-process job worker. SIGINT or SIGTERM stop it cleanly: no new requests, in-flight ones finish, running jobs
  finish, the database is closed. Logs are JSON lines on stdout.
  --port <n>              TCP port (default: 8080; 0 picks a free one)
  --host <addr>           address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --data <dir>            data folder: <data>/proofdesk.db, evidence blobs in <data>/blobs, keys in <data>/keys.json
                          (default: ./data)
  --database <spec>       SQLite file or postgres:// URL (default: <data>/proofdesk.db)
  --no-worker             do not run jobs in this process (scale-out: run \`proofdesk worker\` processes instead)
  --no-demo               do not seed the demo workspace into an empty database
Exit status: 0 after a clean stop; 2 for usage errors.`;

/** What the serve command needs from the composition root. */
export interface ServeCommandDeps {
  readonly config: Config;
  /** Where the JSON log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
  /** Aborting it stops the server (default: SIGINT or SIGTERM). */
  readonly stop?: AbortSignal;
  /** Called once the server listens, with its base URL. */
  readonly onListening?: (url: string) => void;
  /** Seeds an empty database (the demo workspace); run before the server listens. */
  readonly onEmptyDatabase?: (context: EmptyDatabaseContext) => Promise<void>;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be an integer from 0 to 65535; got "${text}"`);
  return port;
}

/** `proofdesk serve`: see {@link SERVE_USAGE}. Resolves with the exit status once stopped. */
export async function runServe(args: readonly string[], deps: ServeCommandDeps): Promise<number> {
  const { values } = parseCommandArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      'no-worker': { type: 'boolean' },
      'no-demo': { type: 'boolean' },
    },
  });
  const port = parsePort(values.port);
  const host = values.host ?? '127.0.0.1';
  const paths = dataPaths(values.data ?? './data');
  const spec = databaseSpec(values);
  const keys = await workerKeys(deps.config, spec, paths.keys);
  const { config } = deps;
  const logger = createHttpLogger({
    level: config.logLevel,
    ...(deps.logDestination ? { destination: deps.logDestination } : {}),
  });
  const forensic = createForensicPorts(config.limits, {
    ...(config.c2paTrustAnchorsPath ? { c2paTrustAnchorsPem: readFileSync(config.c2paTrustAnchorsPath, 'utf8') } : {}),
  });
  try {
    const server = await composeServer({
      database: spec,
      blobDir: paths.blobs,
      keys,
      forensic,
      limits: config.limits,
      logger,
      worker: values['no-worker'] !== true,
      http: {
        processMetrics: true,
        rateLimitPerMinute: config.rateLimitPerMinute,
        trustProxy: config.trustProxy,
        secureCookies: config.secureCookies,
      },
      ...(deps.onEmptyDatabase && values['no-demo'] !== true ? { onEmptyDatabase: deps.onEmptyDatabase } : {}),
      ...(config.testClock ? { clock: new TestClock() } : {}),
    });
    try {
      const address = await server.app.listen({ port, host });
      server.worker?.start();
      const url = address.replace('[::1]', 'localhost');
      logger.info(
        { url, docs: `${url}/api/docs`, database: server.db.location, blobs: paths.blobs, worker: !!server.worker },
        `proofdesk serve listening on ${url} (API docs ${url}/api/docs)`,
      );
      deps.onListening?.(url);
      await stopped(deps.stop);
      logger.info({}, 'proofdesk serve stopping: no new requests, finishing in-flight requests and running jobs');
    } finally {
      await server.close();
    }
    logger.info({}, 'proofdesk serve stopped');
    return 0;
  } finally {
    await forensic.close();
    logger.flush();
  }
}
