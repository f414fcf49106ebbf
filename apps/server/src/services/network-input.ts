import {
  errors,
  getDivision,
  isFaultCategory,
  normalisePhone,
  type Division,
  type FaultCategory,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { TechnicianSkills } from '../adapters/db/network.repository.js';
import type { Database } from '../adapters/db/schema.js';

/** The validators every network service uses, so each invalid-input message reads alike. */

const CODE = /^(\d{6}|\d{9})$/;

/**
 * A division code that names a known division (6-digit GB/T 2260 or 9-digit township).
 * @throws {DomainError} `invalid_input` for a malformed or unknown code
 */
export function requireDivision(field: string, value: unknown): Division {
  if (typeof value !== 'string' || !CODE.test(value))
    throw errors.invalidInput(field, {
      zh: '须为 6 位或 9 位行政区划代码',
      en: 'must be a 6-digit or 9-digit division code',
    });
  const division = getDivision(value);
  if (!division)
    throw errors.invalidInput(field, {
      zh: `不是已知的行政区划代码：${value}`,
      en: `is not a known division code: ${value}`,
    });
  return division;
}

export const MAX_OUTLET_PHONES = 5;

/**
 * Official phone numbers, as written (trimmed), each with digits; duplicates (same number in another notation) dropped.
 * @throws {DomainError} `invalid_input`
 */
export function requirePhones(field: string, value: readonly string[]): string[] {
  if (value.length > MAX_OUTLET_PHONES)
    throw errors.invalidInput(field, {
      zh: `最多 ${MAX_OUTLET_PHONES} 个号码`,
      en: `at most ${MAX_OUTLET_PHONES} numbers`,
    });
  const seen = new Set<string>();
  const out: string[] = [];
  value.forEach((raw, i) => {
    const phone = requirePhone(`${field}[${i}]`, raw);
    const key = normalisePhone(phone);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(phone);
  });
  return out;
}

/** @throws {DomainError} `invalid_input` unless `value` is a phone number with 5 to 20 digits */
export function requirePhone(field: string, value: unknown): string {
  const digits = typeof value === 'string' ? normalisePhone(value) : '';
  if (typeof value !== 'string' || value.length > 40 || digits.length < 5 || digits.length > 20)
    throw errors.invalidInput(field, { zh: '不是有效的电话号码', en: 'is not a phone number' });
  return value.trim();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @throws {DomainError} `invalid_input` unless `value` is a real calendar date `YYYY-MM-DD` */
export function requireDate(field: string, value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value as string;
  }
  throw errors.invalidInput(field, { zh: '须为 YYYY-MM-DD 格式的日期', en: 'must be a date YYYY-MM-DD' });
}

/** @throws {DomainError} `invalid_input` unless 0 ≤ rating ≤ 5 */
export function requireRating(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 5)
    throw errors.invalidInput(field, { zh: '须在 0 到 5 之间', en: 'must be from 0 to 5' });
  return Math.round(value * 100) / 100;
}

/** @throws {DomainError} `invalid_input` unless a whole number of bookings per slot, 0..50, or null */
export function requireCapacity(field: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > 50)
    throw errors.invalidInput(field, { zh: '须为 0 到 50 的整数', en: 'must be a whole number from 0 to 50' });
  return value;
}

export const MAX_SKILL_ENTRIES = 50;

/**
 * Skills with product lines trimmed and de-duplicated and fault categories from `FAULT_CATEGORIES`.
 * @throws {DomainError} `invalid_input`
 */
/** Skills as a caller sends them (fault categories not yet checked). */
export interface SkillsInput {
  readonly productLines: readonly string[];
  readonly faultCategories: readonly string[];
}

export function requireSkills(field: string, value: SkillsInput): TechnicianSkills {
  const productLines = [...new Set(value.productLines.map((p) => p.trim()))];
  if (productLines.length > MAX_SKILL_ENTRIES || productLines.some((p) => p === '' || p.length > 100))
    throw errors.invalidInput(`${field}.productLines`, {
      zh: `最多 ${MAX_SKILL_ENTRIES} 个，每个为 1 到 100 个字符`,
      en: `at most ${MAX_SKILL_ENTRIES}, each 1 to 100 characters`,
    });
  const faultCategories = [...new Set(value.faultCategories)];
  const unknown = faultCategories.find((c) => !isFaultCategory(c));
  if (unknown !== undefined)
    throw errors.invalidInput(`${field}.faultCategories`, {
      zh: `未知的故障类别：${unknown}`,
      en: `unknown fault category: ${unknown}`,
    });
  return { productLines, faultCategories: faultCategories as FaultCategory[] };
}

/**
 * A user of the workspace (a manager of an outlet, a technician's console login).
 * @throws {DomainError} `invalid_input` when no such user is in the workspace (another workspace's user included)
 */
export async function requireWorkspaceUser(
  db: Kysely<Database>,
  workspaceId: string,
  field: string,
  userId: string,
): Promise<void> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!found)
    throw errors.invalidInput(field, {
      zh: `工作区中没有此用户：${userId}`,
      en: `no user ${userId} in this workspace`,
    });
}

/**
 * Refuses an edit made over a version the caller did not see.
 * @throws {DomainError} `conflict` when `expected` is given and differs from `actual`
 */
export function checkVersion(what: string, id: string, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual)
    throw errors.conflict(
      {
        zh: `${what} 已被他人修改（当前版本 ${actual}，你的版本 ${expected}），请刷新后重试`,
        en: `The ${what} changed meanwhile (version ${actual}, yours ${expected}); reload and retry`,
      },
      { id, expectedVersion: expected, version: actual },
    );
}

/** The fields of `set` whose value differs from the row's, less `ignore` (fields that changing others drags along). */
export function changedFields<Row extends object>(
  current: Row,
  set: Partial<Row>,
  ignore?: ReadonlySet<string> | null,
): Partial<Row> {
  return Object.fromEntries(
    Object.entries(set).filter(([key, value]) => current[key as keyof Row] !== value && !ignore?.has(key)),
  ) as Partial<Row>;
}

/**
 * Writes `changed` to an outlet or technician, conditional on the version read: a concurrent edit in between makes
 * this one a conflict, not a lost update. Returns the new version.
 * @throws {DomainError} `conflict` with `message` when the row moved
 */
export async function updateAtVersion<T extends 'outlets' | 'technicians'>(
  trx: Kysely<Database>,
  table: T,
  key: { readonly workspaceId: string; readonly id: string; readonly version: number },
  changed: Partial<Database[T]>,
  at: string,
  message: { readonly zh: string; readonly en: string },
): Promise<number> {
  const version = key.version + 1;
  const result = await trx
    .updateTable(table as 'outlets')
    .set({ ...(changed as Partial<Database['outlets']>), version, updated_at: at })
    .where('workspace_id', '=', key.workspaceId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw errors.conflict(message, { id: key.id });
  return version;
}
