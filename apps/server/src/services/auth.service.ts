import { actorLabel, errors, requirePermission, type Actor, type Clock, type IdGenerator } from '@proofdesk/domain';
import { signBuyerLink, verifyBuyerLink } from '../adapters/crypto/buyer-link.js';
import type { PasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { randomToken, sha256Hex } from '../adapters/crypto/tokens.js';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Db } from '../adapters/db/database.js';
import { isoAt } from '../adapters/system/system-clock.js';
import { normaliseEmail, parseRoles, toUserView, type UserView } from './user.service.js';

/** A console session: the token goes into the cookie, the CSRF token into the page. */
export interface Session {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
  readonly actor: Actor;
}

/** What a presented session token resolves to. */
export interface SessionPrincipal {
  readonly actor: Actor & { kind: 'user' };
  readonly user: UserView;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface AuthServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: PasswordHasher;
  /** HMAC key of buyer links, at least 32 bytes. */
  readonly buyerLinkKey: Uint8Array;
  /** Session lifetime in milliseconds (default 12 h). */
  readonly sessionTtlMs?: number;
}

export type AuthService = ReturnType<typeof createAuthService>;

export const DEFAULT_SESSION_TTL_MS = 12 * 3_600_000;
/** Buyer links live 7 days unless the agent says otherwise; at most 30 days. */
export const DEFAULT_BUYER_LINK_TTL_MS = 7 * 86_400_000;
export const MAX_BUYER_LINK_TTL_MS = 30 * 86_400_000;

function badCredentials() {
  return errors.unauthenticated();
}

/** Sign-in, sessions and buyer links. */
export function createAuthService({ db, clock, ids, hasher, buyerLinkKey, sessionTtlMs }: AuthServiceDeps) {
  const ttlMs = sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  // Verified against when the email is unknown, so both failures take the same time.
  const decoyHash = hasher.hash(randomToken());

  return {
    /**
     * Checks email and password and opens a session.
     * @throws {DomainError} `unauthenticated` for an unknown email, a wrong password or a disabled user (one message)
     */
    async signIn(email: string, password: string): Promise<Session> {
      const row = await db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normaliseEmail(email))
        .executeTakeFirst();
      const ok = await hasher.verify(password, row?.password_hash ?? (await decoyHash));
      if (!row || !ok || row.disabled_at) throw badCredentials();
      const token = randomToken();
      const csrfToken = randomToken();
      const nowMs = clock.nowMs();
      const expiresAt = isoAt(nowMs + ttlMs);
      const actor = {
        kind: 'user',
        userId: row.id,
        workspaceId: row.workspace_id,
        roles: parseRoles(row.roles_json),
      } as const;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', row.id)
          .where('expires_at', '<=', isoAt(nowMs))
          .execute();
        await trx
          .insertInto('sessions')
          .values({
            token_hash: sha256Hex(token),
            user_id: row.id,
            workspace_id: row.workspace_id,
            csrf_token: csrfToken,
            created_at: isoAt(nowMs),
            expires_at: expiresAt,
          })
          .execute();
        await appendAudit(trx, ids, {
          workspaceId: row.workspace_id,
          at: isoAt(nowMs),
          actor: actorLabel(actor),
          action: 'auth.signed_in',
          subjectType: 'user',
          subjectId: row.id,
          data: {},
        });
      });
      return { token, csrfToken, expiresAt, user: toUserView(row), actor };
    },

    /** Ends a session. Unknown tokens are ignored. */
    async signOut(token: string): Promise<void> {
      await db.kysely.deleteFrom('sessions').where('token_hash', '=', sha256Hex(token)).execute();
    },

    /**
     * The user behind a session token.
     * @throws {DomainError} `unauthenticated` for an unknown or expired session or a disabled user
     */
    async authenticateSession(token: string): Promise<SessionPrincipal> {
      // The query-only connection: on SQLite it never waits for a write transaction in flight.
      const row = await db.reader
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', sha256Hex(token))
        .executeTakeFirst();
      if (!row || row.disabled_at || row.expires_at <= isoAt(clock.nowMs())) throw errors.unauthenticated();
      const user = toUserView(row);
      return {
        actor: { kind: 'user', userId: user.id, workspaceId: user.workspaceId, roles: user.roles },
        user,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      };
    },

    /**
     * Issues a signed link to one claim for its buyer.
     * @throws {DomainError} `not_found` when the claim is not in the actor's workspace, `invalid_input` for a TTL
     *   outside 1 minute – 30 days
     */
    async issueBuyerLink(
      actor: Actor,
      claimId: string,
      ttlMs: number = DEFAULT_BUYER_LINK_TTL_MS,
    ): Promise<{ token: string; expiresAt: string }> {
      requirePermission(actor, 'claim.respond');
      if (!Number.isSafeInteger(ttlMs) || ttlMs < 60_000 || ttlMs > MAX_BUYER_LINK_TTL_MS)
        throw errors.invalidInput('expiresInHours', {
          zh: '有效期须在 1 分钟到 30 天之间',
          en: 'between 1 minute and 30 days',
        });
      const claim = await db.kysely
        .selectFrom('claims')
        .select('id')
        .where('id', '=', claimId)
        .where('workspace_id', '=', actor.workspaceId)
        .executeTakeFirst();
      if (!claim) throw errors.notFound('claim', claimId);
      const nowMs = clock.nowMs();
      const expiresAtMs = nowMs + ttlMs;
      const token = signBuyerLink({ claimId, workspaceId: actor.workspaceId, expiresAtMs }, buyerLinkKey);
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at: isoAt(nowMs),
          actor: actorLabel(actor),
          action: 'claim.buyer_link_issued',
          subjectType: 'claim',
          subjectId: claimId,
          data: { expiresAt: isoAt(expiresAtMs) },
        }),
      );
      return { token, expiresAt: isoAt(expiresAtMs) };
    },

    /**
     * The buyer actor a link grants: exactly one claim.
     * @throws {DomainError} `unauthenticated` for a forged link, `link_expired` for an expired one
     */
    authenticateBuyerLink(token: string): Actor & { kind: 'buyer' } {
      const link = verifyBuyerLink(token, buyerLinkKey, clock.nowMs());
      return { kind: 'buyer', claimId: link.claimId, workspaceId: link.workspaceId };
    },
  };
}
