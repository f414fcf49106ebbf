import { errors, type Actor } from '@proofdesk/domain';
import type { Db } from '../../adapters/db/database.js';
import { toClaim, type Claim } from '../../adapters/db/claim.repository.js';
import { toEvidence, type Evidence } from '../../adapters/db/evidence.repository.js';
import { loadClaimRow } from '../claim-access.js';
import { verifyWorkspaceChain, type ChainReport } from '../audit.service.js';

/** The order a claim was filed against, with its product. Times ISO 8601 UTC. */
export interface PackageOrder {
  readonly platform: string;
  readonly platformOrderId: string;
  readonly amountFen: number;
  readonly orderedAt: string | null;
  readonly shippedAt: string | null;
  readonly deliveredAt: string | null;
  readonly product: { readonly sku: string; readonly name: string } | null;
}

/** A merchant reference photo a finding names (`Finding.ref.file` is the reference photo's id). */
export interface PackageReference {
  readonly id: string;
  readonly kind: 'listing' | 'packing';
  readonly filename: string;
  readonly sha256: string;
}

/** One row of the claim's audit trail, as stored (its data parsed). */
export interface PackageAuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** A claim of the same buyer in this workspace (the package's fallback buyer history). */
export interface PackageBuyerClaim {
  readonly id: string;
  readonly createdAt: string;
  readonly type: string;
  readonly status: string;
  readonly amountFen: number;
  readonly outcome: string | null;
  readonly reasonCode: string | null;
  readonly approvedAmountFen: number | null;
}

/** Everything the PDF and the ZIP say, read once from the database. */
export interface PackageFacts {
  readonly workspace: { readonly id: string; readonly name: string };
  readonly claim: Claim;
  readonly order: PackageOrder | null;
  /** The buyer's photos, oldest first. */
  readonly evidence: readonly Evidence[];
  /** The merchant's counter-evidence photos, oldest first. */
  readonly counterEvidence: readonly Evidence[];
  /** The reference photos any finding names, by id. */
  readonly references: ReadonlyMap<string, PackageReference>;
  /** Events whose subject is this claim, in chain order. */
  readonly audit: readonly PackageAuditEvent[];
  /** The whole workspace chain, verified when the package was made. */
  readonly chain: ChainReport;
  /** The head of the workspace chain when the package was made. */
  readonly chainHead: { readonly seq: number; readonly hash: string };
  /** Every claim of the same buyer in this workspace, newest first (empty without a buyer). */
  readonly buyerClaims: readonly PackageBuyerClaim[];
}

/**
 * Reads a claim's facts for its evidence package, scoped to the actor's workspace.
 * @throws {DomainError} `not_found` for an unknown claim or another workspace's
 */
export async function gatherPackageFacts(db: Db, actor: Actor, claimId: string): Promise<PackageFacts> {
  const k = db.kysely;
  const ws = actor.workspaceId;
  const claim = toClaim(await loadClaimRow(k, ws, claimId));
  const workspace = await k.selectFrom('workspaces').select(['id', 'name']).where('id', '=', ws).executeTakeFirst();
  if (!workspace) throw errors.notFound('workspace', ws);
  const orderRow = await k
    .selectFrom('orders')
    .leftJoin('products', (join) =>
      join.onRef('products.id', '=', 'orders.product_id').on('products.workspace_id', '=', ws),
    )
    .select([
      'orders.platform',
      'orders.platform_order_id',
      'orders.amount_fen',
      'orders.ordered_at',
      'orders.shipped_at',
      'orders.delivered_at',
      'products.sku',
      'products.name',
    ])
    .where('orders.workspace_id', '=', ws)
    .where('orders.id', '=', claim.orderId)
    .executeTakeFirst();
  const evidenceRows = await k
    .selectFrom('evidence')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('claim_id', '=', claimId)
    .orderBy('id')
    .execute();
  const all = evidenceRows.map(toEvidence);
  const referenceIds = [
    ...new Set(all.flatMap((e) => (e.report?.findings ?? []).flatMap((f) => (f.ref ? [f.ref.file] : [])))),
  ];
  const referenceRows = referenceIds.length
    ? await k
        .selectFrom('reference_photos')
        .select(['id', 'kind', 'filename', 'blob_sha256'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', referenceIds)
        .execute()
    : [];
  const auditRows = await k
    .selectFrom('audit_events')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('subject_id', '=', claimId)
    .orderBy('seq')
    .execute();
  const head = await k
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('workspace_id', '=', ws)
    .executeTakeFirst();
  const buyerRows = claim.buyerId
    ? await k
        .selectFrom('claims')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('buyer_id', '=', claim.buyerId)
        .orderBy('id', 'desc')
        .limit(200)
        .execute()
    : [];
  return {
    workspace: { id: workspace.id, name: workspace.name },
    claim,
    order: orderRow
      ? {
          platform: orderRow.platform,
          platformOrderId: orderRow.platform_order_id,
          amountFen: Number(orderRow.amount_fen),
          orderedAt: orderRow.ordered_at,
          shippedAt: orderRow.shipped_at,
          deliveredAt: orderRow.delivered_at,
          product: orderRow.sku && orderRow.name ? { sku: orderRow.sku, name: orderRow.name } : null,
        }
      : null,
    evidence: all.filter((e) => e.submittedBy === 'buyer'),
    counterEvidence: all.filter((e) => e.submittedBy === 'merchant'),
    references: new Map(
      referenceRows.map((r) => [r.id, { id: r.id, kind: r.kind, filename: r.filename, sha256: r.blob_sha256 }]),
    ),
    audit: auditRows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      data: parseJson(r.data_json),
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    chain: await verifyWorkspaceChain(db, ws),
    chainHead: { seq: head ? Number(head.seq) : 0, hash: head?.hash ?? '0'.repeat(64) },
    buyerClaims: buyerRows.map((row) => {
      const c = toClaim(row);
      return {
        id: c.id,
        createdAt: c.createdAt,
        type: c.type,
        status: c.status,
        amountFen: c.amountFen,
        outcome: c.decision?.outcome ?? null,
        reasonCode: c.decision?.reasonCode ?? null,
        approvedAmountFen: c.decision?.approvedAmountFen ?? null,
      };
    }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparseableDataJson: text };
  }
}
