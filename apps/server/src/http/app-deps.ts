import type { Clock } from '@proofdesk/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../adapters/db/database.js';
import type { ApiKeyService } from '../services/api-key.service.js';
import type { AuthService } from '../services/auth.service.js';
import type { UserService } from '../services/user.service.js';
import type { WorkspaceService } from '../services/workspace.service.js';
import type { Services } from '../services/index.js';
import type { ChainReport } from '../services/audit.service.js';
import type { JobStatus } from '../jobs/job-types.js';

/** Dead-letter administration and counts, as the job queue offers them. */
export interface JobAdmin {
  stats(): Promise<{ readonly byStatus: Readonly<Record<JobStatus, number>> }>;
  listDead(
    workspaceId?: string,
    limit?: number,
  ): Promise<
    readonly {
      readonly id: string;
      readonly kind: string;
      readonly attempts: number;
      readonly maxAttempts: number;
      readonly lastError: string | null;
      readonly createdAt: string;
      readonly updatedAt: string;
    }[]
  >;
  /** @throws {DomainError} `not_found` outside the workspace, `invalid_state` unless dead */
  requeue(id: string, workspaceId?: string): Promise<void>;
}

/** Checks one workspace's audit hash chain (`verifyWorkspaceChain` of services/audit.service.ts, bound to the db). */
export interface AuditVerifier {
  verifyWorkspaceChain(workspaceId: string): Promise<ChainReport>;
}

/** The services the routes call: the claims use cases (`createServices`) and the auth and admin services. */
export interface AppServices extends Pick<
  Services,
  | 'catalogue'
  | 'orders'
  | 'buyers'
  | 'claims'
  | 'evidence'
  | 'evidencePackages'
  | 'photoCheck'
  | 'outlets'
  | 'coverage'
  | 'technicians'
  | 'serviceSettings'
  | 'areas'
  | 'repairOrders'
  | 'repairWorkflow'
  | 'dispatch'
  | 'sla'
  | 'visits'
  | 'repairCustomers'
  | 'plans'
  | 'serials'
  | 'planCoverage'
  | 'planReports'
  | 'officialChannels'
  | 'officialVerify'
  | 'complaints'
  | 'complaintRates'
  | 'notifications'
  | 'notificationSubscriptions'
  | 'credit'
  | 'trustSettings'
  | 'feedPublisher'
  | 'feedSubscriptions'
> {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly apiKeys: ApiKeyService;
  readonly workspaces: WorkspaceService;
  readonly jobs: JobAdmin;
  readonly audit: AuditVerifier;
}

/** HTTP settings; every one has a default that runs with no set-up. */
export interface HttpOptions {
  /** Mark the session cookie Secure even on plain HTTP (behind a TLS-terminating proxy without forwarded headers). */
  readonly secureCookies?: boolean;
  /** Trust `X-Forwarded-*` from a reverse proxy (default false). */
  readonly trustProxy?: boolean;
  /** Largest JSON body in bytes (default 1 MiB). */
  readonly maxJsonBytes?: number;
  /** Largest uploaded photo in bytes (default 25 MiB). */
  readonly maxUploadBytes?: number;
  /** Requests per minute per principal (or per IP without credentials); default 600. */
  readonly rateLimitPerMinute?: number;
  /** Sign-in attempts per minute per IP; default 10. */
  readonly signInPerMinute?: number;
  /** Collect process metrics (CPU, memory, event loop) on `/metrics` (default false: one process, one app). */
  readonly processMetrics?: boolean;
}

/** Everything `buildApp` needs. */
export interface AppDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly services: AppServices;
  /** A pino logger (see `createHttpLogger`); omitted: no logging. */
  readonly logger?: FastifyBaseLogger;
  readonly options?: HttpOptions;
}

export const DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
