import {
  actorLabel,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  DomainError,
  errors,
  requirePermission,
  type Actor,
  type ClaimStatus,
  type ClaimType,
} from '@proofdesk/domain';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { ClaimsTable, Database } from '../adapters/db/schema.js';
import { toClaim, type Claim } from '../adapters/db/claim.repository.js';
import { BatchCommitter } from '../adapters/db/group-commit.js';
import { loadWorkspacePolicy } from '../adapters/db/workspace.repository.js';
import { loadClaimRow, requireClaimAccess, requireWorkspaceBuyer } from './claim-access.js';
import { claimCreationWriter, type ClaimToCreate } from './claim-creation.js';
import { applyClaimChange } from './claim-transition.js';
import { nowIso, pageSize, requireFen, requireText, toPage, type Page, type ServiceDeps } from './service-deps.js';

export type { Claim };

/** Input of {@link ClaimService.createClaim}. */
export interface NewClaim {
  readonly orderId: string;
  readonly type: ClaimType;
  readonly reason: string;
  /** What the buyer asks for, in fen; at most the order amount. */
  readonly amountFen: number;
}

/** Filters of {@link ClaimService.listClaims}. */
export interface ClaimQuery {
  readonly status?: ClaimStatus;
  readonly flagged?: boolean;
  /** A claim id, a platform order id, or words of the reason. */
  readonly q?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** A reviewer's decision. */
export interface DecisionInput {
  readonly outcome: 'approved' | 'partially_approved' | 'rejected';
  /** A stable code the workspace uses for reporting, e.g. `evidence_forged`, `damage_confirmed`. */
  readonly reasonCode: string;
  readonly note?: string;
  /** Required for `partially_approved` (less than the claimed amount); defaults to the claim amount for `approved`. */
  readonly approvedAmountFen?: number;
}

const OUTCOMES = ['approved', 'partially_approved', 'rejected'] as const;
const DAY_MS = 86_400_000;

/**
 * Claims: creation, reading, the merchant's response, the reviewer's decision, the one appeal, finalisation and
 * withdrawal. Every status change goes through the pure transition table and commits with its audit row (and any
 * job) in one transaction; a concurrent change makes the later one fail with `conflict`.
 */
export class ClaimService {
  private readonly creations: BatchCommitter<ClaimToCreate, Claim>;

  constructor(private readonly deps: ServiceDeps) {
    this.creations = new BatchCommitter(deps.db, claimCreationWriter(deps.ids, deps.db.dialect));
  }

  /**
   * Files a claim against an order (status `submitted`, audit `claim.created`): one short transaction, committed
   * together with concurrent creations (group commit; durable when this resolves).
   * @throws {DomainError} `forbidden` without `claim.create`; `invalid_input`; `not_found` for another workspace's
   *   order
   */
  async createClaim(actor: Actor, input: NewClaim): Promise<Claim> {
    requirePermission(actor, 'claim.create');
    if (!(CLAIM_TYPES as readonly string[]).includes(input.type))
      throw errors.invalidInput('type', {
        zh: `须为 ${CLAIM_TYPES.join('、')} 之一`,
        en: `must be one of ${CLAIM_TYPES.join(', ')}`,
      });
    const reason = requireText('reason', input.reason, 2000);
    const amountFen = requireFen('amountFen', input.amountFen);
    const { ids, clock } = this.deps;
    return this.creations.run({
      actor,
      id: ids.next(),
      at: nowIso(clock),
      orderId: input.orderId,
      type: input.type,
      reason,
      amountFen,
    });
  }

  /**
   * One claim. A buyer sees its own claim without the forensic signals (risk score, policy reasons), so the checks
   * do not teach forgers what they look for.
   * @throws {DomainError} `not_found` (another workspace's claim; for a buyer, any other claim), `forbidden`
   */
  async getClaim(actor: Actor, claimId: string): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.read');
    // The query-only connection: on SQLite a read never waits for the group-commit transaction in flight.
    const claim = toClaim(await loadClaimRow(this.deps.db.reader, actor.workspaceId, claimId));
    return actor.kind === 'buyer' ? forBuyer(claim) : claim;
  }

  /** Claims newest first, filtered, one page at a time. @throws {DomainError} `forbidden`, `invalid_input` */
  async listClaims(actor: Actor, query: ClaimQuery = {}): Promise<Page<Claim>> {
    requirePermission(actor, 'claim.read');
    const size = pageSize(query.limit);
    if (query.status !== undefined && !(CLAIM_STATUSES as readonly string[]).includes(query.status))
      throw errors.invalidInput('status', { zh: '不是已知的状态', en: 'is not a known status' });
    let select = this.deps.db.kysely
      .selectFrom('claims')
      .selectAll('claims')
      .where('claims.workspace_id', '=', actor.workspaceId)
      .orderBy('claims.id', 'desc')
      .limit(size + 1);
    if (query.cursor) select = select.where('claims.id', '<', query.cursor);
    if (query.status) select = select.where('claims.status', '=', query.status);
    if (query.flagged !== undefined) select = select.where('claims.flagged', '=', query.flagged ? 1 : 0);
    const q = query.q?.trim();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) =>
        eb.or([
          eb('claims.id', '=', q),
          eb.exists(
            eb
              .selectFrom('orders')
              .select('orders.id')
              .whereRef('orders.id', '=', 'claims.order_id')
              .where('orders.platform_order_id', '=', q),
          ),
          sql<boolean>`${eb.ref('claims.reason')} like ${like} escape '\\'`,
        ]),
      );
    }
    return toPage(await select.execute(), size, toClaim);
  }

  /**
   * The merchant's answer within the response window: accepting approves the claim for its full amount; otherwise
   * the statement goes with the claim to a reviewer.
   * @throws {DomainError} `forbidden` without `claim.respond`; `not_found`; `invalid_state` unless awaiting the
   *   merchant or after the deadline; `conflict` on a concurrent change
   */
  async merchantRespond(actor: Actor, claimId: string, input: { statement: string; accept: boolean }): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.respond', false);
    const statement = requireText('statement', input.statement, 5000);
    return this.change(actor, claimId, async (row, trx, at, label) => {
      if (row.status === 'awaiting_merchant' && row.merchant_deadline_at && at > row.merchant_deadline_at)
        throw new DomainError(
          'invalid_state',
          {
            zh: `商家响应期限已于 ${row.merchant_deadline_at} 截止`,
            en: `The merchant's response window closed at ${row.merchant_deadline_at}`,
          },
          { what: 'claim', from: row.status, action: 'merchant_responded', deadline: row.merchant_deadline_at },
        );
      await applyClaimChange(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from: row.status as ClaimStatus,
        event: input.accept ? 'merchant_accepted' : 'merchant_responded',
        at,
        actor: label,
        patch: input.accept
          ? {
              merchant_statement: statement,
              decision_outcome: 'approved',
              decision_reason_code: 'merchant_accepted',
              decision_note: statement,
              approved_amount_fen: row.amount_fen,
              decided_by: label,
              decided_at: at,
            }
          : { merchant_statement: statement },
        auditData: { accept: input.accept, statement },
      });
    });
  }

  /**
   * A reviewer's decision on a claim in review or under appeal, with its reason code (audited).
   * @throws {DomainError} `forbidden` without `claim.decide`; `invalid_input`; `invalid_state`; `conflict`
   */
  async decide(actor: Actor, claimId: string, input: DecisionInput): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.decide', false);
    if (!(OUTCOMES as readonly string[]).includes(input.outcome))
      throw errors.invalidInput('outcome', {
        zh: `须为 ${OUTCOMES.join('、')} 之一`,
        en: `must be one of ${OUTCOMES.join(', ')}`,
      });
    const reasonCode = requireText('reasonCode', input.reasonCode, 100);
    const note = input.note === undefined || input.note.trim() === '' ? null : requireText('note', input.note, 5000);
    return this.change(actor, claimId, async (row, trx, at, label) => {
      const amount = Number(row.amount_fen);
      let approved: number | null = null;
      if (input.outcome === 'approved') approved = input.approvedAmountFen ?? amount;
      if (input.outcome === 'partially_approved') {
        if (input.approvedAmountFen === undefined)
          throw errors.invalidInput('approvedAmountFen', {
            zh: '部分同意时必填',
            en: 'is required for a partial approval',
          });
        approved = input.approvedAmountFen;
      }
      if (
        approved !== null &&
        (requireFen('approvedAmountFen', approved) > amount ||
          (input.outcome === 'partially_approved' && approved === amount))
      )
        throw errors.invalidInput('approvedAmountFen', {
          zh: `须不超过申请金额 ${amount} 分（部分同意须小于申请金额）`,
          en: `must not exceed the claimed ${amount} fen (and be less for a partial approval)`,
        });
      await applyClaimChange(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from: row.status as ClaimStatus,
        event: input.outcome,
        at,
        actor: label,
        patch: {
          decision_outcome: input.outcome,
          decision_reason_code: reasonCode,
          decision_note: note,
          approved_amount_fen: approved,
          decided_by: label,
          decided_at: at,
        },
        auditData: { outcome: input.outcome, reasonCode, note, approvedAmountFen: approved },
      });
    });
  }

  /**
   * The one appeal against a decision, by the buyer or the merchant, within the workspace's appeal window.
   * @throws {DomainError} `forbidden`; `invalid_input`; `invalid_state` when not decided, already appealed or the
   *   window has passed; `conflict`
   */
  async appeal(actor: Actor, claimId: string, input: { reason: string }): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.respond');
    const reason = requireText('reason', input.reason, 5000);
    return this.change(actor, claimId, async (row, trx, at, label) => {
      if (Number(row.appeal_count) > 0)
        throw new DomainError(
          'invalid_state',
          { zh: '每个售后申请只能申诉一次', en: 'A claim can be appealed once' },
          { what: 'claim', from: row.status, action: 'appealed' },
        );
      const policy = await loadWorkspacePolicy(trx, actor.workspaceId);
      if (row.decided_at && Date.parse(at) > Date.parse(row.decided_at) + policy.appealWindowDays * DAY_MS)
        throw new DomainError(
          'invalid_state',
          {
            zh: `申诉期（决定后 ${policy.appealWindowDays} 天）已过`,
            en: `The appeal window (${policy.appealWindowDays} days after the decision) has passed`,
          },
          { what: 'claim', from: row.status, action: 'appealed' },
        );
      await applyClaimChange(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from: row.status as ClaimStatus,
        event: 'appealed',
        at,
        actor: label,
        patch: { appeal_count: Number(row.appeal_count) + 1, appeal_reason: reason },
        auditData: { reason },
      });
    });
  }

  /**
   * Closes a decided or appealed claim for good (an appeal closed without a new decision keeps the decision).
   * @throws {DomainError} `forbidden` without `claim.decide`; `invalid_state`; `conflict`
   */
  async finalise(actor: Actor, claimId: string): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.decide', false);
    return this.change(actor, claimId, async (row, trx, at, label) => {
      await applyClaimChange(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from: row.status as ClaimStatus,
        event: 'finalised',
        at,
        actor: label,
        auditData: { outcome: row.decision_outcome },
      });
    });
  }

  /**
   * Withdraws an undecided claim, by its buyer or an agent.
   * @throws {DomainError} `forbidden` without `claim.create`; `invalid_state` once decided; `conflict`
   */
  async withdraw(actor: Actor, claimId: string): Promise<Claim> {
    requireClaimAccess(actor, claimId, 'claim.create');
    return this.change(actor, claimId, async (row, trx, at, label) => {
      await applyClaimChange(trx, this.deps.ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from: row.status as ClaimStatus,
        event: 'withdrawn',
        at,
        actor: label,
      });
    });
  }

  /** Every claim of a buyer in the workspace, newest first. @throws {DomainError} `forbidden`, `not_found` */
  async buyerHistory(actor: Actor, buyerId: string): Promise<Claim[]> {
    requirePermission(actor, 'claim.read');
    const db = this.deps.db.kysely;
    await requireWorkspaceBuyer(db, actor.workspaceId, buyerId);
    const rows = await db
      .selectFrom('claims')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('buyer_id', '=', buyerId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toClaim);
  }

  /** Reads the claim in a transaction, lets `apply` change it, and returns it as committed. */
  private async change(
    actor: Actor,
    claimId: string,
    apply: (row: Selectable<ClaimsTable>, trx: Transaction<Database>, at: string, label: string) => Promise<void>,
  ): Promise<Claim> {
    const { db, clock } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await loadClaimRow(trx, actor.workspaceId, claimId);
      await apply(row, trx, nowIso(clock), actorLabel(actor));
      return toClaim(await loadClaimRow(trx, actor.workspaceId, claimId));
    });
  }
}

/** A claim as its buyer sees it: no risk score, no policy reasons. */
export function forBuyer(claim: Claim): Claim {
  return { ...claim, riskScore: null, policyReasons: [] };
}
