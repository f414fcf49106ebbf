import { randomBytes } from 'node:crypto';
import {
  actorLabel,
  coveringOutlets,
  divisionAncestors,
  errors,
  formatTechnicianCode,
  getDivision,
  hotlineServes,
  judgeAgainstRegistry,
  parsePhone,
  readVerifyInput,
  resolveArea,
  technicianCodeFrom,
  type Actor,
  type Bilingual,
  type CoverageRule,
  type LookalikeReason,
  type OfficialMatchKind,
  type OfficialRegistry,
  type Verdict,
  type VerifyInput,
  type VerifyInputKind,
  type VerifyOutcome,
} from '@proofdesk/domain';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { maskName } from '../adapters/db/repair.repository.js';
import { requireOrderAccess } from './repair-access.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** How long a technician's code verifies after it is issued (it also stops when the order changes hands). */
export const TECHNICIAN_CODE_DAYS = 14;
/** Outlets listed for a district at most. */
const MAX_DISTRICT_OUTLETS = 5;

/** A verification request from the public page or API. */
export interface VerifyRequest {
  /** A number, website, outlet name or technician code (or the QR's link), as copied. */
  readonly input: string;
  /** The customer's division code, for the channels that serve them. */
  readonly areaCode?: string;
  /** Or the district in words (`成都武侯`), read by the area resolver; used when `areaCode` is absent. */
  readonly area?: string;
}

/** The brand's real channels for a district: hotlines serving it, websites, and outlets covering it. */
export interface OfficialChannelsView {
  readonly hotlines: readonly { readonly display: string; readonly label: string; readonly areaName: string | null }[];
  readonly websites: readonly { readonly domain: string; readonly label: string }[];
  readonly outlets: readonly {
    readonly name: string;
    readonly address: string;
    readonly areaName: string | null;
    readonly phones: readonly string[];
  }[];
}

export interface VerifyAnswer {
  readonly brand: string;
  readonly input: { readonly kind: VerifyInputKind; readonly display: string | null };
  readonly verdict: Verdict;
  readonly text: Bilingual;
  readonly match: {
    readonly kind: OfficialMatchKind;
    readonly label: string;
    readonly outletName: string | null;
    /** For a technician: until when the code verifies, and the area of the order they are on. */
    readonly validUntil: string | null;
    readonly orderAreaName: string | null;
  } | null;
  readonly lookalike: { readonly officialDomain: string; readonly reason: LookalikeReason } | null;
  readonly district: { readonly code: string; readonly fullName: string } | null;
  /** When the district in words named several places: the ones to pick from. */
  readonly areaCandidates: readonly { readonly code: string; readonly fullName: string }[];
  /** Why the district in words gave no district (ambiguous or unknown), or null. */
  readonly areaNote: Bilingual | null;
  readonly channels: OfficialChannelsView;
}

type AreaReading = Pick<VerifyAnswer, 'district' | 'areaCandidates' | 'areaNote'>;

/** A technician's code for the QR on one work order. */
export interface TechnicianCode {
  readonly code: string;
  /** `XXXX-XXXX-XXXX`. */
  readonly display: string;
  /** The public page's path with the code: `/verify/<slug>?t=<code>`. */
  readonly path: string;
  readonly expiresAt: string;
  readonly technicianName: string;
}

type Deps = Pick<ServiceDeps, 'db' | 'clock' | 'ids' | 'pseudonymiser'>;

/** A workspace's registry as last read, with the stamp it was read at and the hotlines' display forms. */
interface CachedRegistry extends OfficialRegistry {
  readonly key: string;
  readonly hotlineDisplays: ReadonlyMap<string, string>;
}

/** The keyed-hash purpose of logged inputs: its own HMAC domain, never equal to a phone blind index. */
const QUERY_HASH_PURPOSE = 'official-verify-query';

/**
 * The public side of official-channel verification: judges what a customer copied against the brand's registry,
 * outlets and technicians, shows the real channels for their district, and logs every query without customer data
 * (see `official_verify_queries` in schema-official.ts). Also issues the technician codes behind the work order's QR.
 */
export class OfficialVerifyService {
  /** One entry per workspace asked about (a handful of brands per deployment). */
  private readonly cache = new Map<string, CachedRegistry>();

  constructor(private readonly deps: Deps) {}

  /**
   * Answers one query against the brand with this slug.
   * @throws {DomainError} `not_found` for an unknown slug; `invalid_input` for an unknown `areaCode`
   */
  async verify(slug: string, request: VerifyRequest): Promise<VerifyAnswer> {
    const workspace = await this.workspaceBySlug(slug);
    const input = readVerifyInput(request.input);
    const reading = this.district(request);
    let district = reading.district;
    const registry = await this.registry(workspace.id, workspace.name);
    let outcome: VerifyOutcome = judgeAgainstRegistry(input, registry);
    let match: VerifyAnswer['match'] = null;
    if (outcome.verdict === 'official') {
      const found = outcome.match;
      const outlet = found.outletId ? registry.outlets.find((o) => o.id === found.outletId) : undefined;
      match = {
        kind: found.kind,
        label: found.label,
        outletName: outlet?.name ?? null,
        validUntil: null,
        orderAreaName: null,
      };
    }
    if (input.kind === 'phone' && input.phone.kind === 'mobile' && outcome.verdict !== 'official') {
      const technician = await this.technicianByPhone(workspace.id, input.phone.number);
      if (technician) {
        outcome = {
          verdict: 'official',
          match: { kind: 'technician', id: technician.id, label: technician.label },
          text: {
            zh: `这是${workspace.name}登记的师傅 ${technician.label}（${technician.outletName}）的手机号`,
            en: `This is the mobile of ${workspace.name}'s registered technician ${technician.label} (${technician.outletName})`,
          },
        };
        match = {
          kind: 'technician',
          label: technician.label,
          outletName: technician.outletName,
          validUntil: null,
          orderAreaName: null,
        };
      }
    }
    if (input.kind === 'technician_code') {
      const found = await this.technicianByCode(workspace.id, input.code);
      if (found.ok) {
        outcome = {
          verdict: 'official',
          match: { kind: 'technician', id: found.technicianId, label: found.label },
          text: {
            zh: `${found.label} 是${workspace.name}的认证师傅（${found.outletName}），正在为${found.orderAreaName ?? '您所在地区'}的工单上门服务`,
            en: `${found.label} is a verified technician of ${workspace.name} (${found.outletName}) on a work order in ${found.orderAreaName ?? 'your area'}`,
          },
        };
        match = {
          kind: 'technician',
          label: found.label,
          outletName: found.outletName,
          validUntil: found.expiresAt,
          orderAreaName: found.orderAreaName,
        };
        district ??= found.orderArea;
      } else if (found.reason === 'expired')
        outcome = {
          verdict: 'not_official',
          text: {
            zh: '此师傅码已失效（工单已改派、取消或码已过期），请通过下方官方渠道核实上门人员',
            en: 'This technician code no longer verifies (the order was reassigned or cancelled, or the code expired); check the visitor through the official channels below',
          },
        };
    }
    const channels = await this.channelsIn(workspace.id, registry, district?.code ?? null);
    const answer: VerifyAnswer = {
      brand: workspace.name,
      input: { kind: input.kind, display: displayOf(input) },
      verdict: outcome.verdict,
      text: outcome.text,
      match,
      lookalike:
        outcome.verdict === 'not_official' && outcome.lookalike
          ? { officialDomain: outcome.lookalike.officialDomain, reason: outcome.lookalike.reason }
          : null,
      district,
      areaCandidates: reading.areaCandidates,
      areaNote: reading.areaNote,
      channels,
    };
    await this.log(workspace.id, input, answer, outcome);
    return answer;
  }

  /**
   * The brand's official channels for a district (or nationwide ones only, without a district).
   * @throws {DomainError} `not_found` for an unknown slug; `invalid_input` for an unknown `areaCode`
   */
  async channels(
    slug: string,
    request: { readonly areaCode?: string; readonly area?: string },
  ): Promise<AreaReading & { brand: string; channels: OfficialChannelsView }> {
    const workspace = await this.workspaceBySlug(slug);
    const reading = this.district(request);
    const registry = await this.registry(workspace.id, workspace.name);
    return {
      brand: workspace.name,
      ...reading,
      channels: await this.channelsIn(workspace.id, registry, reading.district?.code ?? null),
    };
  }

  /**
   * The code for the QR on a work order: the order's technician's current code, or a new one valid for
   * {@link TECHNICIAN_CODE_DAYS} days. A technician reaches only their own orders.
   * @throws {DomainError} `forbidden` without `service.work`; `not_found` (also another workspace's, or another
   *   technician's order); `invalid_state` when the order has no technician or is cancelled
   */
  async issueTechnicianCode(actor: Actor, orderId: string): Promise<TechnicianCode> {
    const db = this.deps.db.kysely;
    const order = await db
      .selectFrom('repair_orders')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw errors.notFound('repair order', orderId);
    await requireOrderAccess(db, actor, order, 'service.work');
    if (order.technician_id === null || order.status === 'cancelled' || order.status === 'reported')
      throw errors.invalidState('repair order', order.status, 'issue technician code');
    const technicianId = order.technician_id;
    const technician = await db
      .selectFrom('technicians')
      .select(['name', 'active'])
      .where('id', '=', technicianId)
      .executeTakeFirstOrThrow();
    const slug = (
      await db.selectFrom('workspaces').select('slug').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow()
    ).slug;
    const at = nowIso(this.deps.clock);
    const of = (code: string, expiresAt: string): TechnicianCode => ({
      code,
      display: formatTechnicianCode(code),
      path: `/verify/${encodeURIComponent(slug)}?t=${code}`,
      expiresAt,
      technicianName: technician.name,
    });
    return db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('technician_codes')
        .select(['code', 'expires_at'])
        .where('workspace_id', '=', actor.workspaceId)
        .where('repair_order_id', '=', orderId)
        .where('technician_id', '=', technicianId)
        .where('expires_at', '>', at)
        .orderBy('expires_at', 'desc')
        .executeTakeFirst();
      if (current) return of(current.code, current.expires_at);
      const code = technicianCodeFrom(randomBytes(16));
      const expiresAt = new Date(this.deps.clock.nowMs() + TECHNICIAN_CODE_DAYS * 86_400_000).toISOString();
      await trx
        .insertInto('technician_codes')
        .values({
          code,
          workspace_id: actor.workspaceId,
          technician_id: technicianId,
          repair_order_id: orderId,
          issued_by: actorLabel(actor),
          created_at: at,
          expires_at: expiresAt,
        })
        .execute();
      await appendAudit(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'technician_code.issued',
        subjectType: 'repair_order',
        subjectId: orderId,
        data: { technicianId, expiresAt },
      });
      return of(code, expiresAt);
    });
  }

  private async workspaceBySlug(slug: string): Promise<{ id: string; name: string }> {
    const row = await this.deps.db.reader
      .selectFrom('workspaces')
      .select(['id', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!row) throw errors.notFound('workspace', slug);
    return row;
  }

  /**
   * The customer's district from a code, or from words through the area resolver: an ambiguous name (`朝阳区`) gives
   * its candidates to pick from, an unknown one the resolver's reason; neither is guessed.
   * @throws {DomainError} `invalid_input` for an unknown code
   */
  private district(request: { readonly areaCode?: string; readonly area?: string }): AreaReading {
    const none = { district: null, areaCandidates: [], areaNote: null };
    if (request.areaCode !== undefined && request.areaCode !== '') {
      const division = getDivision(request.areaCode);
      if (!division)
        throw errors.invalidInput('areaCode', {
          zh: `没有代码为 ${request.areaCode} 的行政区划`,
          en: `no division with code ${request.areaCode}`,
        });
      return { ...none, district: { code: division.code, fullName: division.fullName } };
    }
    const text = request.area?.trim();
    if (!text) return none;
    const resolved = resolveArea(text);
    switch (resolved.status) {
      case 'resolved':
        return { ...none, district: { code: resolved.division.code, fullName: resolved.division.fullName } };
      case 'ambiguous':
        return {
          ...none,
          areaCandidates: resolved.candidates.slice(0, 10).map((d) => ({ code: d.code, fullName: d.fullName })),
          areaNote: { zh: `「${text}」有多处，请选择`, en: `“${text}” names several places; pick one` },
        };
      case 'unresolved':
        return { ...none, areaNote: resolved.reason };
    }
  }

  /**
   * The brand's registry, cached per workspace until the network version (bumped by every outlet change) or the
   * registered channels (their count and the sum of their versions) move: a query then reads two one-row stamps
   * instead of every outlet. Each server process checks the database's stamps, so several stay consistent.
   */
  private async registry(workspaceId: string, brand: string): Promise<CachedRegistry> {
    const db = this.deps.db.reader;
    const [network, stamp] = await Promise.all([
      db.selectFrom('network_versions').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst(),
      db
        .selectFrom('official_channels')
        // Every insert moves the count and every change a version, so the pair moves with any change.
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('versions')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow(),
    ]);
    const key = `${network?.version ?? 0}|${Number(stamp.n)}|${Number(stamp.versions ?? 0)}|${brand}`;
    const hit = this.cache.get(workspaceId);
    if (hit?.key === key) return hit;
    const [channels, outlets] = await Promise.all([
      db
        .selectFrom('official_channels')
        .select(['id', 'kind', 'value', 'display', 'label', 'area_code'])
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('outlets')
        .select(['id', 'name', 'phones_json', 'area_code'])
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute(),
    ]);
    const entry: CachedRegistry = {
      key,
      brand,
      hotlines: channels
        .filter((c) => c.kind === 'hotline')
        .map((c) => ({ id: c.id, number: c.value, label: c.label, areaCode: c.area_code })),
      websites: channels
        .filter((c) => c.kind === 'website')
        .map((c) => ({ id: c.id, domain: c.value, label: c.label })),
      outlets: outlets.map((o) => ({
        id: o.id,
        name: o.name,
        // Canonical digits once here, so each query compares strings instead of reading every outlet's numbers.
        phones: (JSON.parse(o.phones_json) as string[]).map((p) => {
          const parsed = parsePhone(p);
          return parsed.ok ? parsed.number : p;
        }),
        areaCode: o.area_code,
      })),
      hotlineDisplays: new Map(channels.map((c) => [c.id, c.display])),
    };
    this.cache.set(workspaceId, entry);
    return entry;
  }

  private async channelsIn(
    workspaceId: string,
    registry: CachedRegistry,
    districtCode: string | null,
  ): Promise<OfficialChannelsView> {
    const displayOf = registry.hotlineDisplays;
    const hotlines = registry.hotlines
      .filter((h) => hotlineServes(h.areaCode, districtCode))
      // Regional hotlines of the district first, then nationwide ones.
      .sort((a, b) => Number(a.areaCode === null) - Number(b.areaCode === null))
      .map((h) => ({
        display: displayOf.get(h.id) ?? h.number,
        label: h.label,
        areaName: h.areaCode === null ? null : (getDivision(h.areaCode)?.fullName ?? null),
      }));
    const websites = registry.websites.map((w) => ({ domain: w.domain, label: w.label }));
    if (districtCode === null) return { hotlines, websites, outlets: [] };
    const lineage = [districtCode, ...divisionAncestors(districtCode)];
    const rules = await this.deps.db.reader
      .selectFrom('outlet_coverage')
      .innerJoin('outlets', 'outlets.id', 'outlet_coverage.outlet_id')
      .select(['outlet_coverage.outlet_id', 'outlet_coverage.code', 'outlet_coverage.mode'])
      .where('outlet_coverage.workspace_id', '=', workspaceId)
      .where('outlet_coverage.code', 'in', lineage)
      .where('outlets.active', '=', 1)
      .execute();
    const covering = coveringOutlets(
      districtCode,
      rules.map((r): CoverageRule => ({ outletId: r.outlet_id, code: r.code, mode: r.mode })),
    );
    const ids = covering.slice(0, MAX_DISTRICT_OUTLETS);
    if (ids.length === 0) return { hotlines, websites, outlets: [] };
    const rows = await this.deps.db.reader
      .selectFrom('outlets')
      .select(['id', 'name', 'address', 'area_code', 'phones_json'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .orderBy('name')
      .execute();
    return {
      hotlines,
      websites,
      outlets: rows.map((o) => ({
        name: o.name,
        address: o.address,
        areaName: getDivision(o.area_code)?.fullName ?? null,
        phones: (JSON.parse(o.phones_json) as string[]).map((p) => {
          const parsed = parsePhone(p);
          return parsed.ok ? parsed.display : p;
        }),
      })),
    };
  }

  private async technicianByPhone(
    workspaceId: string,
    mobile: string,
  ): Promise<{ id: string; label: string; outletName: string } | undefined> {
    const row = await this.deps.db.reader
      .selectFrom('technicians')
      .innerJoin('outlets', 'outlets.id', 'technicians.home_outlet_id')
      .select(['technicians.id', 'technicians.name', 'outlets.name as outletName'])
      .where('technicians.workspace_id', '=', workspaceId)
      .where('technicians.phone_index', '=', this.deps.pseudonymiser.phoneIndex(mobile))
      .where('technicians.active', '=', 1)
      .executeTakeFirst();
    return row ? { id: row.id, label: maskName(row.name), outletName: row.outletName } : undefined;
  }

  private async technicianByCode(
    workspaceId: string,
    code: string,
  ): Promise<
    | {
        ok: true;
        technicianId: string;
        label: string;
        outletName: string;
        expiresAt: string;
        orderArea: VerifyAnswer['district'];
        orderAreaName: string | null;
      }
    | { ok: false; reason: 'unknown' | 'expired' }
  > {
    const db = this.deps.db.reader;
    const row = await db
      .selectFrom('technician_codes')
      .innerJoin('repair_orders', 'repair_orders.id', 'technician_codes.repair_order_id')
      .innerJoin('technicians', 'technicians.id', 'technician_codes.technician_id')
      .innerJoin('outlets', 'outlets.id', 'technicians.home_outlet_id')
      .select([
        'technician_codes.technician_id',
        'technician_codes.expires_at',
        'repair_orders.technician_id as orderTechnicianId',
        'repair_orders.status',
        'repair_orders.area_code',
        'technicians.name',
        'technicians.active',
        'outlets.name as outletName',
      ])
      .where('technician_codes.workspace_id', '=', workspaceId)
      .where('technician_codes.code', '=', code)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    const now = nowIso(this.deps.clock);
    if (
      row.expires_at <= now ||
      row.orderTechnicianId !== row.technician_id ||
      row.status === 'cancelled' ||
      row.active !== 1
    )
      return { ok: false, reason: 'expired' };
    // The order's county, not the customer's township: enough to say where, never the address.
    const county = row.area_code.slice(0, 6);
    const division = getDivision(county) ?? getDivision(row.area_code);
    return {
      ok: true,
      technicianId: row.technician_id,
      label: `${maskName(row.name)}`,
      outletName: row.outletName,
      expiresAt: row.expires_at,
      orderArea: division ? { code: division.code, fullName: division.fullName } : null,
      orderAreaName: division?.fullName ?? null,
    };
  }

  /** One row per query, never the input itself where it might be a person's number or words. */
  private async log(workspaceId: string, input: VerifyInput, answer: VerifyAnswer, outcome: VerifyOutcome) {
    const hashed = (value: string) => this.deps.pseudonymiser.buyerIdentity(QUERY_HASH_PURPOSE, value);
    const phone = input.kind === 'phone' ? input.phone : undefined;
    const business = phone && /^service_/.test(phone.kind);
    await this.deps.db.kysely
      .insertInto('official_verify_queries')
      .values({
        id: this.deps.ids.next(),
        workspace_id: workspaceId,
        at: nowIso(this.deps.clock),
        input_kind: input.kind,
        phone_kind: phone?.kind ?? null,
        verdict: answer.verdict,
        match_kind: answer.match?.kind ?? null,
        match_id: outcome.verdict === 'official' ? outcome.match.id : null,
        input_hash:
          phone && !business ? hashed(phone.number) : input.kind === 'outlet_name' ? hashed(input.name) : null,
        service_number: phone && business ? phone.number : null,
        website_host: input.kind === 'website' ? input.website.host : null,
        lookalike_of: answer.lookalike?.officialDomain ?? null,
        district_code: answer.district ? answer.district.code.slice(0, 6) : null,
      })
      .execute();
  }
}

/** What to echo back of the input: the normalised number or host, the code; never an outlet name typed freely. */
function displayOf(input: VerifyInput): string | null {
  switch (input.kind) {
    case 'phone':
      return input.phone.display;
    case 'website':
      return input.website.host;
    case 'technician_code':
      return formatTechnicianCode(input.code);
    case 'outlet_name':
      return input.name;
    case 'unreadable':
      return null;
  }
}
