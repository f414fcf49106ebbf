import {
  actorLabel,
  errors,
  getDivision,
  normaliseOfficialValue,
  OFFICIAL_CHANNEL_KINDS,
  requirePermission,
  type Actor,
  type OfficialChannelKind,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { OfficialChannelsTable } from '../adapters/db/schema-official.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

/** A hotline or website the brand registered. */
export interface OfficialChannel {
  readonly id: string;
  readonly kind: OfficialChannelKind;
  /** Canonical digits or ASCII host. */
  readonly value: string;
  readonly display: string;
  readonly label: string;
  /** The division a hotline serves; null = nationwide. */
  readonly areaCode: string | null;
  readonly areaName: string | null;
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewOfficialChannel {
  readonly kind: OfficialChannelKind;
  /** As written: `400-186-5909`, `https://www.brand.com.cn/`. */
  readonly value: string;
  readonly label: string;
  readonly areaCode?: string | null;
}

export interface OfficialChannelPatch {
  readonly label?: string;
  readonly areaCode?: string | null;
  readonly active?: boolean;
  readonly expectedVersion?: number;
}

/** What the public asked over a period: counts and the impersonators' numbers and sites most asked about. */
export interface VerifyQuerySummary {
  readonly since: string;
  readonly total: number;
  readonly byVerdict: Readonly<Record<string, number>>;
  readonly byInputKind: Readonly<Record<string, number>>;
  /** 400/800/95 numbers answered "not official", most asked first (at most 20). */
  readonly notOfficialNumbers: readonly { readonly number: string; readonly count: number }[];
  /** Website hosts answered "not official", most asked first, with the official domain each imitates if any. */
  readonly notOfficialSites: readonly {
    readonly host: string;
    readonly lookalikeOf: string | null;
    readonly count: number;
  }[];
}

type Row = Selectable<OfficialChannelsTable>;
type Deps = Pick<ServiceDeps, 'db' | 'clock' | 'ids'>;

export function toOfficialChannel(row: Row): OfficialChannel {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    display: row.display,
    label: row.label,
    areaCode: row.area_code,
    areaName: row.area_code === null ? null : (getDivision(row.area_code)?.fullName ?? null),
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The brand's registry of official hotlines and websites (its outlets and technicians are official through the
 * service network and need no second entry). Values are stored canonically so any notation of a number finds it.
 * Every change is audited in its transaction; a channel is deactivated, never erased, so old answers stay explicable.
 */
export class OfficialChannelService {
  constructor(private readonly deps: Deps) {}

  /** Every registered channel, hotlines first. @throws {DomainError} `forbidden` without `network.read` */
  async listChannels(actor: Actor): Promise<readonly OfficialChannel[]> {
    requirePermission(actor, 'network.read');
    const rows = await this.deps.db.kysely
      .selectFrom('official_channels')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('kind')
      .orderBy('id')
      .execute();
    return rows.map(toOfficialChannel);
  }

  /** The public verification page of the actor's workspace: `/verify/<slug>`. */
  async verifyPath(actor: Actor): Promise<string> {
    const row = await this.deps.db.kysely
      .selectFrom('workspaces')
      .select('slug')
      .where('id', '=', actor.workspaceId)
      .executeTakeFirstOrThrow();
    return `/verify/${encodeURIComponent(row.slug)}`;
  }

  /**
   * Registers a hotline or website.
   * @throws {DomainError} `forbidden` without `network.admin`; `invalid_input` (unreadable value, a mobile as a
   *   hotline, unknown area); `conflict` when the same number or site is already registered
   */
  async createChannel(actor: Actor, input: NewOfficialChannel): Promise<OfficialChannel> {
    requirePermission(actor, 'network.admin');
    if (!(OFFICIAL_CHANNEL_KINDS as readonly string[]).includes(input.kind))
      throw errors.invalidInput('kind', { zh: '须为 hotline 或 website', en: 'must be hotline or website' });
    const normalised = normaliseOfficialValue(input.kind, requireText('value', input.value, 300));
    if (!normalised.ok) throw errors.invalidInput('value', normalised.reason);
    const label = requireText('label', input.label, 100);
    const areaCode = input.kind === 'hotline' ? requireArea(input.areaCode ?? null) : null;
    const at = nowIso(this.deps.clock);
    const row: Row = {
      id: this.deps.ids.next(),
      workspace_id: actor.workspaceId,
      kind: input.kind,
      value: normalised.value,
      display: normalised.display,
      label,
      area_code: areaCode,
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('official_channels')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('kind', '=', input.kind)
        .where('value', '=', normalised.value)
        .executeTakeFirst();
      if (existing)
        throw errors.conflict(
          { zh: `${normalised.display} 已登记`, en: `${normalised.display} is already registered` },
          { id: existing.id },
        );
      await trx.insertInto('official_channels').values(row).execute();
      const channel = toOfficialChannel(row);
      await this.audit(trx, actor, at, 'official_channel.created', row.id, { ...channel });
      return channel;
    });
  }

  /**
   * Changes the label, area or active flag.
   * @throws {DomainError} `forbidden`; `not_found` (also another workspace's); `invalid_input`; `conflict` for a
   *   stale `expectedVersion`
   */
  async updateChannel(actor: Actor, id: string, patch: OfficialChannelPatch): Promise<OfficialChannel> {
    requirePermission(actor, 'network.admin');
    const label = patch.label === undefined ? undefined : requireText('label', patch.label, 100);
    const at = nowIso(this.deps.clock);
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('official_channels')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw errors.notFound('official channel', id);
      if (patch.expectedVersion !== undefined && patch.expectedVersion !== row.version)
        throw errors.conflict(
          { zh: '该渠道已被他人修改，请刷新后重试', en: 'Someone else changed this channel; reload and retry' },
          { version: row.version },
        );
      const areaCode =
        patch.areaCode === undefined || row.kind === 'website' ? row.area_code : requireArea(patch.areaCode);
      const next: Row = {
        ...row,
        label: label ?? row.label,
        area_code: areaCode,
        active: patch.active === undefined ? row.active : patch.active ? 1 : 0,
        version: row.version + 1,
        updated_at: at,
      };
      const updated = await trx
        .updateTable('official_channels')
        .set({
          label: next.label,
          area_code: next.area_code,
          active: next.active,
          version: next.version,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw errors.conflict({ zh: '该渠道已被他人修改', en: 'Someone else changed this channel' });
      const channel = toOfficialChannel(next);
      await this.audit(trx, actor, at, 'official_channel.updated', id, {
        before: toOfficialChannel(row),
        after: channel,
      });
      return channel;
    });
  }

  /**
   * What the public asked in the last `days` days (1..366, default 30).
   * @throws {DomainError} `forbidden` without `network.read`; `invalid_input`
   */
  async querySummary(actor: Actor, days = 30): Promise<VerifyQuerySummary> {
    requirePermission(actor, 'network.read');
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw errors.invalidInput('days', { zh: '须为 1 到 366 的整数', en: 'must be an integer from 1 to 366' });
    const since = new Date(this.deps.clock.nowMs() - days * 86_400_000).toISOString();
    const db = this.deps.db.kysely;
    const base = db
      .selectFrom('official_verify_queries')
      .where('workspace_id', '=', actor.workspaceId)
      .where('at', '>=', since);
    const [verdicts, kinds, numbers, sites] = await Promise.all([
      base
        .select(['verdict', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('verdict')
        .execute(),
      base
        .select(['input_kind', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('input_kind')
        .execute(),
      base
        .select(['service_number', (eb) => eb.fn.countAll<number>().as('n')])
        .where('verdict', '=', 'not_official')
        .where('service_number', 'is not', null)
        .groupBy('service_number')
        .orderBy('n', 'desc')
        .orderBy('service_number')
        .limit(20)
        .execute(),
      base
        .select(['website_host', 'lookalike_of', (eb) => eb.fn.countAll<number>().as('n')])
        .where('verdict', '=', 'not_official')
        .where('website_host', 'is not', null)
        .groupBy(['website_host', 'lookalike_of'])
        .orderBy('n', 'desc')
        .orderBy('website_host')
        .limit(20)
        .execute(),
    ]);
    const byVerdict = Object.fromEntries(verdicts.map((r) => [r.verdict, Number(r.n)]));
    return {
      since,
      total: Object.values(byVerdict).reduce((a, b) => a + b, 0),
      byVerdict,
      byInputKind: Object.fromEntries(kinds.map((r) => [r.input_kind, Number(r.n)])),
      notOfficialNumbers: numbers.map((r) => ({ number: r.service_number ?? '', count: Number(r.n) })),
      notOfficialSites: sites.map((r) => ({
        host: r.website_host ?? '',
        lookalikeOf: r.lookalike_of,
        count: Number(r.n),
      })),
    };
  }

  private async audit(
    trx: Kysely<Database>,
    actor: Actor,
    at: string,
    action: string,
    id: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendAudit(trx, this.deps.ids, {
      workspaceId: actor.workspaceId,
      at,
      actor: actorLabel(actor),
      action,
      subjectType: 'official_channel',
      subjectId: id,
      data,
    });
  }
}

/** @throws {DomainError} `invalid_input` for a code that is no division */
function requireArea(code: string | null): string | null {
  if (code === null) return null;
  if (!getDivision(code))
    throw errors.invalidInput('areaCode', { zh: `没有代码为 ${code} 的行政区划`, en: `no division with code ${code}` });
  return code;
}
