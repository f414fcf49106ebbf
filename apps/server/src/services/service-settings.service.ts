import {
  actorLabel,
  createBusinessCalendar,
  DEFAULT_COMPLAINT_SLA_POLICY,
  DEFAULT_INSPECTION_FEE_POLICY,
  DEFAULT_SLA_POLICY,
  DEFAULT_SLOT_SETTINGS,
  errors,
  requirePermission,
  validateComplaintSlaPolicy,
  validateSlaPolicy,
  validateSlotSettings,
  type Actor,
  type BusinessCalendar,
  type ComplaintSlaPolicy,
  type DayInfo,
  type InspectionFeePolicy,
  type SlaPolicy,
  type SlotSettings,
} from '@proofdesk/domain';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { checkVersion, requireDate } from './network-input.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/**
 * A workspace's service settings: slot hours and capacity, SLA policy with escalation delays, the inspection fee
 * policy (free first inspection), product lines.
 */
export interface ServiceSettings {
  readonly slots: SlotSettings;
  /** Response / arrival / resolution minutes on business time, the hours that count, escalation delays. */
  readonly sla: SlaPolicy;
  /** Free first inspection for a customer's first order, free in warranty, and the inspection fee otherwise. */
  readonly inspection: InspectionFeePolicy;
  /** The workspace's product lines (free strings: technicians' skills and intake name them). */
  readonly productLines: readonly string[];
  /** Complaint SLAs: working minutes to acknowledge and to resolve, office hours, the outlet → region → brand delays. */
  readonly complaints: ComplaintSlaPolicy;
}

/** What a PUT takes: `complaints` may be left out by older clients, and then keeps its stored value. */
export type ServiceSettingsInput = Omit<ServiceSettings, 'complaints'> & { readonly complaints?: ComplaintSlaPolicy };

/** Settings as stored, with the version to pass back on the next change (0: never changed, all defaults). */
export interface VersionedServiceSettings {
  readonly settings: ServiceSettings;
  readonly version: number;
  readonly updatedAt: string | null;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  slots: DEFAULT_SLOT_SETTINGS,
  sla: DEFAULT_SLA_POLICY,
  inspection: DEFAULT_INSPECTION_FEE_POLICY,
  productLines: [],
  complaints: DEFAULT_COMPLAINT_SLA_POLICY,
};

export const MAX_PRODUCT_LINES = 100;
export const MAX_CALENDAR_RANGE_DAYS = 366;

/**
 * Per-workspace service settings (one row, JSON, versioned) validated with the service domain's validators, and the
 * business calendar (public holidays and make-up working days) the slots and SLA timers run on.
 */
export class ServiceSettingsService {
  private readonly calendar: BusinessCalendar;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids'>,
    calendar?: BusinessCalendar,
  ) {
    this.calendar = calendar ?? createBusinessCalendar();
  }

  /** @throws {DomainError} `forbidden` without `network.read` */
  async getSettings(actor: Actor): Promise<VersionedServiceSettings> {
    requirePermission(actor, 'network.read');
    return this.settingsOf(actor.workspaceId);
  }

  /** The workspace's settings, defaults filled in (for the repair-order services; no actor). */
  async settingsOf(workspaceId: string): Promise<VersionedServiceSettings> {
    const row = await this.deps.db.kysely
      .selectFrom('service_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!row) return { settings: DEFAULT_SERVICE_SETTINGS, version: 0, updatedAt: null };
    const stored = JSON.parse(row.settings_json) as Partial<ServiceSettings>;
    return {
      settings: { ...DEFAULT_SERVICE_SETTINGS, ...stored },
      version: Number(row.version),
      updatedAt: row.updated_at,
    };
  }

  /**
   * Replaces the settings after validating them.
   * @throws {DomainError} `forbidden` without `network.admin`; `invalid_input` naming the first bad field;
   *   `conflict` when `expectedVersion` is not the stored version
   */
  async putSettings(
    actor: Actor,
    input: ServiceSettingsInput,
    expectedVersion?: number,
  ): Promise<VersionedServiceSettings> {
    requirePermission(actor, 'network.admin');
    if (input.complaints) validateComplaintSlaPolicy(input.complaints);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('service_settings')
        .select(['version', 'settings_json'])
        .where('workspace_id', '=', actor.workspaceId)
        .executeTakeFirst();
      const current = row ? Number(row.version) : 0;
      checkVersion('service settings', actor.workspaceId, expectedVersion, current);
      const stored = row ? (JSON.parse(row.settings_json) as Partial<ServiceSettings>) : {};
      const settings = validateServiceSettings({
        ...input,
        complaints: input.complaints ?? stored.complaints ?? DEFAULT_COMPLAINT_SLA_POLICY,
      });
      const version = current + 1;
      const values = { settings_json: JSON.stringify(settings), version, updated_at: at };
      if (row) {
        const result = await trx
          .updateTable('service_settings')
          .set(values)
          .where('workspace_id', '=', actor.workspaceId)
          .where('version', '=', current)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          throw errors.conflict(
            {
              zh: '服务设置已被他人修改，请刷新后重试',
              en: 'The service settings changed meanwhile; reload and retry',
            },
            { version: current },
          );
      } else
        await trx
          .insertInto('service_settings')
          .values({ workspace_id: actor.workspaceId, ...values })
          .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'service_settings.updated',
        subjectType: 'workspace',
        subjectId: actor.workspaceId,
        data: { version, settings },
      });
      return { settings, version, updatedAt: at };
    });
  }

  /**
   * Every day from `from` to `to` (inclusive) with its kind (workday, weekend, holiday, make-up working day), the
   * holiday's name, and whether the holiday data covers it.
   * @throws {DomainError} `forbidden`; `invalid_input` for bad dates, `to` before `from`, or more than 366 days
   */
  listCalendar(actor: Actor, from: string, to: string): { days: DayInfo[]; dataYears: { from: number; to: number } } {
    requirePermission(actor, 'network.read');
    requireDate('from', from);
    requireDate('to', to);
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000) + 1;
    if (days < 1 || days > MAX_CALENDAR_RANGE_DAYS)
      throw errors.invalidInput('to', {
        zh: `须在 from 之后且不超过 ${MAX_CALENDAR_RANGE_DAYS} 天`,
        en: `must be on or after from, at most ${MAX_CALENDAR_RANGE_DAYS} days`,
      });
    const out: DayInfo[] = [];
    for (let i = 0; i < days; i += 1)
      out.push(this.calendar.dayKind(new Date(start + i * 86_400_000).toISOString().slice(0, 10)));
    return { days: out, dataYears: { ...this.calendar.dataYears } };
  }
}

/**
 * Checks settings with the service domain's validators; product lines trimmed, de-duplicated, 1–100 characters.
 * @throws {DomainError} `invalid_input`
 */
export function validateServiceSettings(input: ServiceSettings): ServiceSettings {
  const slots = validateSlotSettings(input.slots);
  const sla = validateSlaPolicy(input.sla);
  const inspection = validateInspectionPolicy(input.inspection);
  const complaints = validateComplaintSlaPolicy(input.complaints);
  const productLines = [...new Set(input.productLines.map((p) => p.trim()))];
  if (productLines.length > MAX_PRODUCT_LINES || productLines.some((p) => p === '' || p.length > 100))
    throw errors.invalidInput('productLines', {
      zh: `最多 ${MAX_PRODUCT_LINES} 个，每个为 1 到 100 个字符`,
      en: `at most ${MAX_PRODUCT_LINES}, each 1 to 100 characters`,
    });
  return {
    slots,
    sla,
    inspection,
    productLines,
    complaints: {
      acknowledgeMinutes: complaints.acknowledgeMinutes,
      resolveMinutes: complaints.resolveMinutes,
      hours: { start: complaints.hours.start, end: complaints.hours.end },
      escalationDelayMinutes: { ...complaints.escalationDelayMinutes },
    },
  };
}

export const MAX_INSPECTION_FEE_FEN = 10_000_000;

/** @throws {DomainError} `invalid_input` unless the flags are booleans and the fee whole fen, 0..100,000 yuan */
function validateInspectionPolicy(policy: InspectionFeePolicy): InspectionFeePolicy {
  for (const field of ['freeFirstInspection', 'freeInWarranty'] as const)
    if (typeof policy[field] !== 'boolean')
      throw errors.invalidInput(`inspection.${field}`, { zh: '须为 true 或 false', en: 'must be true or false' });
  const fee = policy.inspectionFeeFen;
  if (!Number.isSafeInteger(fee) || fee < 0 || fee > MAX_INSPECTION_FEE_FEN)
    throw errors.invalidInput('inspection.inspectionFeeFen', {
      zh: `须为 0 到 ${MAX_INSPECTION_FEE_FEN} 的整数（分）`,
      en: `must be a whole number of fen from 0 to ${MAX_INSPECTION_FEE_FEN}`,
    });
  return {
    freeFirstInspection: policy.freeFirstInspection,
    freeInWarranty: policy.freeInWarranty,
    inspectionFeeFen: fee,
  };
}
