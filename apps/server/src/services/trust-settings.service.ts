import {
  actorLabel,
  DEFAULT_LEGAL_THRESHOLDS,
  errors,
  requirePermission,
  validateLegalThresholds,
  type Actor,
  type LegalThresholdSettings,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** A workspace's trust settings as the API shows them. */
export interface TrustSettings {
  /** Shares buyer signals (score and counts) with other opted-in workspaces of this installation, and sees theirs. */
  readonly shareSignals: boolean;
  readonly thresholds: LegalThresholdSettings;
  /** Who changed them last and when; null while the defaults apply. */
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

/** Input of {@link TrustSettingsService.update}: both fields, each optional (an absent one keeps its value). */
export interface TrustSettingsInput {
  readonly shareSignals?: boolean;
  readonly thresholds?: LegalThresholdSettings;
}

/** The stored settings, or the defaults (not sharing, the default thresholds). */
export async function loadTrustSettings(db: Kysely<Database>, workspaceId: string): Promise<TrustSettings> {
  const row = await db
    .selectFrom('trust_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return { shareSignals: false, thresholds: DEFAULT_LEGAL_THRESHOLDS, updatedBy: null, updatedAt: null };
  return {
    shareSignals: Number(row.share_signals) === 1,
    thresholds: {
      ...DEFAULT_LEGAL_THRESHOLDS,
      ...(JSON.parse(row.thresholds_json) as Partial<LegalThresholdSettings>),
    },
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/**
 * Trust settings: whether the workspace shares buyer signals within the installation (opt-in, admin only,
 * reciprocal: a workspace sees others' signals only while it shares its own) and its legal thresholds. Every change
 * is audited; opting in or out has its own audit action so it stands out in the log.
 */
export class TrustSettingsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'ids' | 'clock'>) {}

  /** @throws {DomainError} `forbidden` without `trust.read` */
  async get(actor: Actor): Promise<TrustSettings> {
    requirePermission(actor, 'trust.read');
    return loadTrustSettings(this.deps.db.reader, actor.workspaceId);
  }

  /**
   * Changes the sharing opt-in and/or the thresholds.
   * @throws {DomainError} `forbidden` without `trust.admin`; `invalid_input` for thresholds out of order
   */
  async update(actor: Actor, input: TrustSettingsInput): Promise<TrustSettings> {
    requirePermission(actor, 'trust.admin');
    if (input.shareSignals !== undefined && typeof input.shareSignals !== 'boolean')
      throw errors.invalidInput('shareSignals', { zh: '须为 true 或 false', en: 'must be true or false' });
    if (input.thresholds !== undefined) validateLegalThresholds(input.thresholds);
    const { db, ids, clock } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const before = await loadTrustSettings(trx, actor.workspaceId);
      const at = nowIso(clock);
      const label = actorLabel(actor);
      const after: TrustSettings = {
        shareSignals: input.shareSignals ?? before.shareSignals,
        thresholds: input.thresholds ?? before.thresholds,
        updatedBy: label,
        updatedAt: at,
      };
      const row = {
        share_signals: after.shareSignals ? 1 : 0,
        thresholds_json: JSON.stringify(after.thresholds),
        updated_by: label,
        updated_at: at,
      };
      await trx
        .insertInto('trust_settings')
        .values({ workspace_id: actor.workspaceId, ...row })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(row))
        .execute();
      if (after.shareSignals !== before.shareSignals)
        await appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at,
          actor: label,
          action: after.shareSignals ? 'trust.sharing_opted_in' : 'trust.sharing_opted_out',
          subjectType: 'workspace',
          subjectId: actor.workspaceId,
          data: {},
        });
      if (JSON.stringify(after.thresholds) !== JSON.stringify(before.thresholds))
        await appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at,
          actor: label,
          action: 'trust.thresholds_changed',
          subjectType: 'workspace',
          subjectId: actor.workspaceId,
          data: { before: before.thresholds, after: after.thresholds },
        });
      return after;
    });
  }
}
