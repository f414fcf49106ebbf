import type { FaultCategory } from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { OutletCoverageTable, OutletsTable, TechniciansTable } from './schema-network.js';

/** A service outlet (网点) as the API shows it. */
export interface Outlet {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  /** Division code of where the outlet is (6 digits, or a 9-digit township). */
  readonly areaCode: string;
  /** Official phone numbers of the outlet (business numbers, shown in full). */
  readonly phones: readonly string[];
  readonly managerUserId: string | null;
  readonly active: boolean;
  /** Bumped on every change; pass it back as `expectedVersion` to refuse an edit over someone else's. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One coverage rule of an outlet: a division code at any level, included or excluded (the most specific wins). */
export interface CoverageRuleRow {
  readonly code: string;
  readonly mode: 'include' | 'exclude';
}

/** What a technician can repair: product lines (the workspace's own strings) and fault categories. */
export interface TechnicianSkills {
  readonly productLines: readonly string[];
  readonly faultCategories: readonly FaultCategory[];
}

/** A technician as the API shows it: the phone masked (`138****5678`); the full number only on an audited reveal. */
export interface Technician {
  readonly id: string;
  readonly name: string;
  readonly phoneMasked: string;
  readonly userId: string | null;
  readonly homeOutletId: string;
  readonly skills: TechnicianSkills;
  /** 0..5. */
  readonly rating: number;
  /** Bookings per slot for this technician; null = the workspace's slot capacity. */
  readonly capacityOverride: number | null;
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toOutlet(row: Selectable<OutletsTable>): Outlet {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    areaCode: row.area_code,
    phones: JSON.parse(row.phones_json) as string[],
    managerUserId: row.manager_user_id,
    active: Number(row.active) === 1,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCoverageRule(row: Pick<OutletCoverageTable, 'code' | 'mode'>): CoverageRuleRow {
  return { code: row.code, mode: row.mode };
}

export function toTechnician(row: Selectable<TechniciansTable>): Technician {
  const skills = JSON.parse(row.skills_json) as TechnicianSkills;
  return {
    id: row.id,
    name: row.name,
    phoneMasked: row.phone_masked,
    userId: row.user_id,
    homeOutletId: row.home_outlet_id,
    skills: { productLines: skills.productLines, faultCategories: skills.faultCategories },
    rating: Number(row.rating),
    capacityOverride: row.capacity_override === null ? null : Number(row.capacity_override),
    active: Number(row.active) === 1,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Bumps the workspace's network version inside the transaction of a change to outlets, coverage, technicians or
 * their calendars, so a cached dispatch index built from an older version is rebuilt. The first bump creates the row.
 * @returns the new version
 */
export async function bumpNetworkVersion(trx: Kysely<Database>, workspaceId: string): Promise<number> {
  const bumped = await trx
    .updateTable('network_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .returning('version')
    .executeTakeFirst();
  if (bumped) return Number(bumped.version);
  await trx
    .insertInto('network_versions')
    .values({ workspace_id: workspaceId, version: 1 })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet((eb) => ({ version: eb('network_versions.version', '+', 1) })),
    )
    .execute();
  const row = await trx
    .selectFrom('network_versions')
    .select('version')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** The workspace's network version: 0 before its first change. */
export async function readNetworkVersion(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('network_versions')
    .select('version')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}
