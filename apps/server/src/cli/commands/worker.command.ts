import { existsSync, readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import type { Config } from '../../config.js';
import { FsBlobStore } from '../../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../../adapters/crypto/hmac.pseudonymiser.js';
import { resolveBuyerDataKeys, type BuyerDataKeys } from '../../adapters/crypto/keyring-config.js';
import { isPostgresUrl, openDatabase } from '../../adapters/db/database.js';
import { createForensicPorts } from '../../adapters/media/forensic-ports.js';
import { DbJobQueue } from '../../adapters/queue/db.job-queue.js';
import { systemClock } from '../../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { createHttpLogger } from '../../http/logger.js';
import { JobWorker } from '../../jobs/job-worker.js';
import type { JobKind } from '../../jobs/job-types.js';
import { createServices } from '../../services/index.js';
import { databaseSpec, dataPaths } from '../data-paths.js';
import { stopped } from '../stop-signal.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const WORKER_USAGE = `proofdesk worker [--database <sqlite path | postgres URL>] [--data ./data] [--concurrency <n>] [--kinds <kind,…>]

  Runs queued jobs (evidence analysis, re-analysis, merchant window expiry) until SIGINT or SIGTERM, then finishes
  the jobs it holds and exits. Start as many as you like against one PostgreSQL database: they never take the same
  job, and a crashed worker's jobs are taken over when their lease runs out. Logs are JSON lines on stdout.
  --database <spec>       SQLite file or postgres:// URL (default: <data>/proofdesk.db)
  --data <dir>            data folder: evidence blobs in <data>/blobs, keys in <data>/keys.json (default: ./data)
  --concurrency <n>       jobs at once, 1 to 64 (default: 1)
  --kinds <kind,…>        only these job kinds (default: all)
With PostgreSQL, give the API processes' keys (PROOFDESK_CONTACT_KEYS, PROOFDESK_HMAC_KEY) or their keys.json.
Exit status: 0 after a clean stop; 2 for usage errors.`;

/** What the worker command needs from the composition root. */
export interface WorkerCommandDeps {
  readonly config: Config;
  /** Where the JSON log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
  /** Aborting it stops the worker (default: SIGINT or SIGTERM). */
  readonly stop?: AbortSignal;
}

/**
 * The buyer-data keys for a server or worker process: the configured ones, else `<data>/keys.json`. That file is
 * created only for SQLite (one machine); with PostgreSQL, a process making up its own keys would seal data that the
 * other processes cannot open.
 * @throws {UsageError} with PostgreSQL when keys are neither configured nor in the key file
 */
export async function workerKeys(config: Config, spec: string, keyFile: string): Promise<BuyerDataKeys> {
  if (!isPostgresUrl(spec)) return resolveBuyerDataKeys(config, keyFile);
  if (config.contactKeys && config.hmacKey) return { contactKeys: config.contactKeys, hmacKey: config.hmacKey };
  if (!existsSync(keyFile))
    throw new UsageError(
      `with PostgreSQL every API and worker process needs the same buyer-data keys: set PROOFDESK_CONTACT_KEYS and PROOFDESK_HMAC_KEY, or give --data a folder holding the keys.json they share (${keyFile} does not exist)`,
    );
  return resolveBuyerDataKeys(config, keyFile);
}

/** Every job kind, checked against the union so a new kind must be listed. */
const JOB_KINDS = Object.keys({
  analyse_evidence: true,
  reanalyse_workspace: true,
  expire_merchant_window: true,
  'sla.check': true,
  'notify.deliver': true,
  'complaint.sla_check': true,
  'feed.publish': true,
  'feed.pull': true,
} satisfies Record<JobKind, true>) as JobKind[];

function parseKinds(text: string | undefined): readonly JobKind[] | undefined {
  if (text === undefined) return undefined;
  const kinds = text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = kinds.filter((k) => !(JOB_KINDS as readonly string[]).includes(k));
  if (kinds.length === 0 || unknown.length > 0)
    throw new UsageError(`--kinds takes a comma-separated list of ${JOB_KINDS.join(', ')}; got "${text}"`);
  return kinds as JobKind[];
}

/** `proofdesk worker`: see {@link WORKER_USAGE}. Resolves with the exit status once stopped. */
export async function runWorker(args: readonly string[], deps: WorkerCommandDeps): Promise<number> {
  const { values } = parseCommandArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      database: { type: 'string' },
      data: { type: 'string' },
      concurrency: { type: 'string' },
      kinds: { type: 'string' },
    },
  });
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be an integer from 1 to 64; got "${values.concurrency}"`);
  const kinds = parseKinds(values.kinds);
  const paths = dataPaths(values.data ?? './data');
  const spec = databaseSpec(values);
  const keys = await workerKeys(deps.config, spec, paths.keys);

  const logger = createHttpLogger(deps.logDestination ? { destination: deps.logDestination } : {});
  const { config } = deps;
  const forensic = createForensicPorts(config.limits, {
    ...(config.c2paTrustAnchorsPath ? { c2paTrustAnchorsPem: readFileSync(config.c2paTrustAnchorsPath, 'utf8') } : {}),
  });
  const db = await openDatabase(spec, { poolSize: concurrency + 2 });
  try {
    const services = createServices({
      db,
      blobs: new FsBlobStore(paths.blobs),
      cipher: new AesGcmContactCipher(keys.contactKeys),
      pseudonymiser: new HmacPseudonymiser(keys.hmacKey),
      clock: systemClock,
      ids: new Uuid7IdGenerator(systemClock),
      forensic,
      logger,
      limits: config.limits,
    });
    const worker = new JobWorker({
      queue: new DbJobQueue(db, systemClock),
      handlers: services.jobHandlers,
      logger,
      concurrency,
      ...(kinds ? { kinds } : {}),
    });
    logger.info({ database: db.location, blobs: paths.blobs, concurrency }, 'proofdesk worker starting');
    worker.start();
    await stopped(deps.stop);
    logger.info({}, 'proofdesk worker stopping: finishing the jobs it holds');
    await worker.stop();
    return 0;
  } finally {
    await forensic.close();
    await db.close();
    logger.flush();
  }
}
