import type { Clock } from '@proofdesk/domain';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { deriveBuyerLinkKey } from '../adapters/crypto/buyer-link.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import type { BuyerDataKeys } from '../adapters/crypto/keyring-config.js';
import { ScryptPasswordHasher, type PasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { openDatabase, type Db } from '../adapters/db/database.js';
import type { ClosableForensicPorts } from '../adapters/media/forensic-ports.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import type { DecodeLimits } from '@proofdesk/forensics';
import { JobWorker } from '../jobs/job-worker.js';
import { createApiKeyService } from '../services/api-key.service.js';
import { verifyWorkspaceChain } from '../services/audit.service.js';
import { createAuthService } from '../services/auth.service.js';
import { createServices, silentLogger, type ServiceDeps, type Services } from '../services/index.js';
import { createUserService } from '../services/user.service.js';
import { createWorkspaceService } from '../services/workspace.service.js';
import type { AppServices, HttpOptions } from './app-deps.js';
import { buildApp } from './app.js';

/** Every service of a running server: the claims use cases and the auth and admin services. */
export type ServerServices = AppServices & Services;

/** What a hook run on an empty database (the demo seed) gets to work with. */
export interface EmptyDatabaseContext {
  readonly services: ServerServices;
  /** Runs queued jobs with an in-process worker until none is due (analysis of seeded evidence). */
  runJobsUntilIdle(): Promise<void>;
  /** Writes a line to the start-up log (e.g. the demo users' passwords, shown once). */
  log(text: string): void;
  /**
   * The same services over the same database, on a clock running `offsetMs` behind (or ahead of) the server's: for
   * demo data that happened earlier (a repair order assigned yesterday and never accepted, whose SLA breach the
   * worker then records). Nothing else uses it.
   */
  servicesOffsetBy(offsetMs: number): Services;
}

export interface ComposeOptions {
  /** SQLite path or postgres:// URL. */
  readonly database: string;
  readonly blobDir: string;
  readonly keys: BuyerDataKeys;
  readonly forensic: ClosableForensicPorts;
  readonly limits?: DecodeLimits;
  readonly logger?: Logger;
  readonly http?: HttpOptions;
  readonly clock?: Clock;
  readonly hasher?: PasswordHasher;
  /** Run the in-process job worker (embedded mode; default true). */
  readonly worker?: boolean;
  /**
   * How often the idle in-process worker looks for due jobs, in ms (default 1000). Jobs enqueued by this process
   * wake it at once whatever the interval; the poll finds delayed retries and other processes' jobs.
   */
  readonly workerPollIntervalMs?: number;
  /** Called once, before the app is built, when the database has no workspace yet. */
  readonly onEmptyDatabase?: (context: EmptyDatabaseContext) => Promise<void>;
  /** Database pool size (PostgreSQL). */
  readonly poolSize?: number;
}

/** A composed server: the app (not listening), its database, services and worker, and how to shut it all down. */
export interface Composition {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly services: ServerServices;
  readonly worker: JobWorker | null;
  /** Stops the worker (finishing running jobs), closes the app and the database. The forensic ports stay open. */
  close(): Promise<void>;
}

/**
 * The server's composition root: opens the database (migrating it), wires the blob store, buyer-data crypto,
 * services, job queue and worker, seeds an empty database through `onEmptyDatabase`, and builds the HTTP app.
 */
export async function composeServer(options: ComposeOptions): Promise<Composition> {
  const clock = options.clock ?? systemClock;
  const ids = new Uuid7IdGenerator(clock);
  const db = await openDatabase(options.database, options.poolSize ? { poolSize: options.poolSize } : {});
  try {
    const logger = options.logger ?? silentLogger;
    // Set below, once the worker exists; services call it after committing an enqueue.
    let wakeWorker: () => void = () => undefined;
    const serviceDeps: ServiceDeps = {
      db,
      blobs: new FsBlobStore(options.blobDir),
      cipher: new AesGcmContactCipher(options.keys.contactKeys),
      pseudonymiser: new HmacPseudonymiser(options.keys.hmacKey),
      clock,
      ids,
      forensic: options.forensic,
      logger,
      ...(options.limits ? { limits: options.limits } : {}),
      onJobsEnqueued: () => wakeWorker(),
    };
    const claims = createServices(serviceDeps);
    const hasher = options.hasher ?? new ScryptPasswordHasher();
    const queue = new DbJobQueue(db, clock);
    const base = { db, clock, ids };
    const services: ServerServices = {
      ...claims,
      auth: createAuthService({ ...base, hasher, buyerLinkKey: deriveBuyerLinkKey(options.keys.hmacKey) }),
      users: createUserService({ ...base, hasher }),
      apiKeys: createApiKeyService(base),
      workspaces: createWorkspaceService(base),
      jobs: queue,
      audit: { verifyWorkspaceChain: (workspaceId) => verifyWorkspaceChain(db, workspaceId) },
    };
    const worker =
      options.worker === false
        ? null
        : new JobWorker({
            queue,
            handlers: claims.jobHandlers,
            logger,
            ...(options.workerPollIntervalMs ? { pollIntervalMs: options.workerPollIntervalMs } : {}),
          });
    if (worker) wakeWorker = () => worker.notify();
    if (options.onEmptyDatabase) {
      const any = await db.kysely.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
      if (!any) {
        const seedWorker = worker ?? new JobWorker({ queue, handlers: claims.jobHandlers, logger });
        await options.onEmptyDatabase({
          services,
          runJobsUntilIdle: async () => {
            await seedWorker.runUntilIdle();
          },
          log: (text) => (options.logger ? options.logger.info(text) : undefined),
          servicesOffsetBy: (offsetMs) => {
            const shifted: Clock = { nowMs: () => clock.nowMs() + offsetMs };
            return createServices({ ...serviceDeps, clock: shifted, ids: new Uuid7IdGenerator(shifted) });
          },
        });
      }
    }
    const app = await buildApp({
      db,
      clock,
      services,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.http ? { options: options.http } : {}),
    });
    return {
      app,
      db,
      services,
      worker,
      async close() {
        await app.close();
        await worker?.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
