import {
  actorLabel,
  errors,
  normalisePhone,
  requirePermission,
  type Actor,
  type BuyerContact,
  type IdGenerator,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { loadNetworkKey, networkIdentity } from './feed-network-id.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** A buyer as staff see it: a pseudonymous id, never the platform account id, contact data only on reveal. */
export interface Buyer {
  readonly id: string;
  /** Whether sealed contact data is on file (see {@link BuyerService.revealBuyerContact}). */
  readonly hasContact: boolean;
  readonly createdAt: string;
}

/** Who a buyer is on a platform, and (optionally) how to reach them. The account id is never stored. */
export interface BuyerInput {
  readonly accountId: string;
  readonly contact?: BuyerContact;
}

const MAX_CONTACT_FIELD = 500;

function cleanContact(contact: BuyerContact | undefined): BuyerContact | undefined {
  if (!contact) return undefined;
  const out: { name?: string; phone?: string; address?: string } = {};
  for (const key of ['name', 'phone', 'address'] as const) {
    const value = contact[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > MAX_CONTACT_FIELD)
      throw errors.invalidInput(`buyer.contact.${key}`, {
        zh: `须为不超过 ${MAX_CONTACT_FIELD} 个字符的文本`,
        en: `must be text of at most ${MAX_CONTACT_FIELD} characters`,
      });
    if (value.trim() !== '') out[key] = value.trim();
  }
  if (out.phone !== undefined && normalisePhone(out.phone) === '')
    throw errors.invalidInput('buyer.contact.phone', { zh: '不是有效的电话号码', en: 'is not a phone number' });
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Buyers: recognised across orders and claims by a keyed HMAC of (platform, account id), contact data sealed with
 * the contact cipher, looked up by phone through a blind index. Plain contact data exists only in memory, on reveal.
 */
export class BuyerService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'cipher' | 'pseudonymiser' | 'clock' | 'ids'>) {}

  /**
   * Finds the workspace's buyer for (platform, account id) or creates it, inside the caller's transaction; new
   * contact data replaces the sealed contact on file. Safe against concurrent creation of the same buyer.
   * @returns the buyer id
   * @throws {DomainError} `invalid_input` for an empty account id or malformed contact fields
   */
  async findOrCreate(
    trx: Kysely<Database>,
    ids: IdGenerator,
    workspaceId: string,
    platform: string,
    buyer: BuyerInput,
  ): Promise<string> {
    if (typeof buyer.accountId !== 'string' || buyer.accountId.trim() === '')
      throw errors.invalidInput('buyer.accountId', { zh: '不能为空', en: 'must not be empty' });
    const contact = cleanContact(buyer.contact);
    const identity = this.deps.pseudonymiser.buyerIdentity(platform, buyer.accountId.trim());
    const sealed = contact ? this.deps.cipher.seal(JSON.stringify(contact)) : undefined;
    const phoneIndex = contact?.phone ? this.deps.pseudonymiser.phoneIndex(contact.phone) : null;
    // The fraud network's identity (docs/feeds.md), while the workspace has the network's key; buyers seen before
    // the key was set get theirs when seen again.
    const networkKey = await loadNetworkKey(trx, this.deps.cipher, workspaceId);
    const networkId = networkKey ? networkIdentity(networkKey, platform, buyer.accountId.trim()) : null;
    await trx
      .insertInto('buyers')
      .values({
        id: ids.next(),
        workspace_id: workspaceId,
        identity_hmac: identity,
        phone_index: phoneIndex,
        contact_key_id: sealed?.keyId ?? null,
        contact_ciphertext: sealed?.ciphertext ?? null,
        network_id: networkId,
        created_at: nowIso(this.deps.clock),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'identity_hmac']).doNothing())
      .execute();
    const row = await trx
      .selectFrom('buyers')
      .select(['id', 'contact_ciphertext', 'network_id'])
      .where('workspace_id', '=', workspaceId)
      .where('identity_hmac', '=', identity)
      .executeTakeFirstOrThrow();
    if (networkId && row.network_id !== networkId)
      await trx.updateTable('buyers').set({ network_id: networkId }).where('id', '=', row.id).execute();
    if (sealed && row.contact_ciphertext !== sealed.ciphertext)
      await trx
        .updateTable('buyers')
        .set({ phone_index: phoneIndex, contact_key_id: sealed.keyId, contact_ciphertext: sealed.ciphertext })
        .where('id', '=', row.id)
        .execute();
    return row.id;
  }

  /** @throws {DomainError} `not_found` (also another workspace's buyer), `forbidden` without `claim.read` */
  async getBuyer(actor: Actor, buyerId: string): Promise<Buyer> {
    requirePermission(actor, 'claim.read');
    const row = await this.deps.db.kysely
      .selectFrom('buyers')
      .select(['id', 'contact_ciphertext', 'created_at'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', buyerId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('buyer', buyerId);
    return { id: row.id, hasContact: row.contact_ciphertext !== null, createdAt: row.created_at };
  }

  /**
   * The workspace's buyers whose phone on file is this number (in any common notation: `+86 138-0013-8000`,
   * `13800138000`), found through the blind index; no contact data is decrypted.
   * @throws {DomainError} `forbidden` without `claim.read`; `invalid_input` for a phone without digits
   */
  async findBuyersByPhone(actor: Actor, phone: string): Promise<Buyer[]> {
    requirePermission(actor, 'claim.read');
    if (typeof phone !== 'string' || normalisePhone(phone) === '')
      throw errors.invalidInput('phone', { zh: '不是有效的电话号码', en: 'is not a phone number' });
    const rows = await this.deps.db.kysely
      .selectFrom('buyers')
      .select(['id', 'contact_ciphertext', 'created_at'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('phone_index', '=', this.deps.pseudonymiser.phoneIndex(phone))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, hasContact: r.contact_ciphertext !== null, createdAt: r.created_at }));
  }

  /**
   * Decrypts a buyer's contact data for someone who must reach them, and records who did in the audit log (in the
   * same transaction as the read, so no reveal goes unrecorded).
   * @returns the contact, or an empty object when none is on file
   * @throws {DomainError} `forbidden` without `claim.respond`; `not_found`
   */
  async revealBuyerContact(actor: Actor, buyerId: string): Promise<BuyerContact> {
    requirePermission(actor, 'claim.respond');
    const { db, ids, clock, cipher } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('buyers')
        .select(['id', 'contact_key_id', 'contact_ciphertext'])
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', buyerId)
        .executeTakeFirst();
      if (!row) throw errors.notFound('buyer', buyerId);
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at: nowIso(clock),
        actor: actorLabel(actor),
        action: 'buyer.contact_revealed',
        subjectType: 'buyer',
        subjectId: buyerId,
        data: { keyId: row.contact_key_id },
      });
      if (row.contact_key_id === null || row.contact_ciphertext === null) return {};
      return JSON.parse(cipher.open(row.contact_key_id, row.contact_ciphertext)) as BuyerContact;
    });
  }
}
