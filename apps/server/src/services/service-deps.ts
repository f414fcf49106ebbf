import {
  errors,
  type BlobStore,
  type Clock,
  type ContactCipher,
  type IdGenerator,
  type Pseudonymiser,
} from '@proofdesk/domain';
import type { DecodeLimits, ForensicPorts } from '@proofdesk/forensics';
import type { Db } from '../adapters/db/database.js';

/** The structured logger the services write to (pino's shape: an object of fields, then a message). */
export interface ServiceLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A logger that drops everything (tests, one-off scripts). */
export const silentLogger: ServiceLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Everything the claims services reach the outside world through. Only `clock` and `ids` are faked in tests. */
export interface ServiceDeps {
  readonly db: Db;
  readonly blobs: BlobStore;
  readonly cipher: ContactCipher;
  readonly pseudonymiser: Pseudonymiser;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The forensic core's ports (decoder, metadata, C2PA); see `createForensicPorts`. */
  readonly forensic: ForensicPorts;
  readonly logger: ServiceLogger;
  /** Decode limits for uploads and analysis (default: the core's `DEFAULT_LIMITS`). */
  readonly limits?: DecodeLimits;
  /**
   * Called after the commit of a transaction that enqueued a job due now, so an in-process worker takes it at once
   * (`JobWorker.notify`) instead of at its next poll. Must not throw.
   */
  readonly onJobsEnqueued?: () => void;
}

/** One page of a list, and the cursor of the next page (null on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Page size asked for by a caller. */
export interface PageRequest {
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** 1..200, default 50. */
  readonly limit?: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The page size to fetch, validated.
 * @throws {DomainError} `invalid_input` outside 1..200
 */
export function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw errors.invalidInput('limit', {
      zh: `须为 1 到 ${MAX_PAGE_SIZE} 之间的整数`,
      en: `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    });
  return size;
}

/** Cuts `rows` (fetched with `size + 1`) into a page whose cursor is the last item's id. */
export function toPage<R extends { id: string }, T>(rows: readonly R[], size: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > size && last ? last.id : null };
}

/** ISO 8601 UTC text of the clock's now. */
export function nowIso(clock: Clock): string {
  return new Date(clock.nowMs()).toISOString();
}

/**
 * Validates an optional ISO time from a caller and returns it normalised to UTC `…Z`.
 * @throws {DomainError} `invalid_input` when it does not parse
 */
export function isoOrNull(field: string, value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms))
    throw errors.invalidInput(field, { zh: '不是有效的 ISO 8601 时间', en: 'is not a valid ISO 8601 time' });
  return new Date(ms).toISOString();
}

/** @throws {DomainError} `invalid_input` unless `value` is a non-empty string of at most `maxLength` characters */
export function requireText(field: string, value: unknown, maxLength = 2000): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw errors.invalidInput(field, { zh: '不能为空', en: 'must not be empty' });
  if (value.length > maxLength)
    throw errors.invalidInput(field, {
      zh: `不能超过 ${maxLength} 个字符`,
      en: `must be at most ${maxLength} characters`,
    });
  return value.trim();
}

/** @throws {DomainError} `invalid_input` unless `value` is a positive whole number of fen */
export function requireFen(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw errors.invalidInput(field, { zh: '须为正整数（单位：分）', en: 'must be a positive whole number of fen' });
  return value;
}
