import { DomainError, type Actor } from '@proofdesk/domain';
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../services/api-key.service.js';
import type { AuthService, SessionPrincipal } from '../services/auth.service.js';

/** The cookie that carries a console session token. */
export const SESSION_COOKIE = 'pd_session';
/** The header a cookie-authenticated unsafe request must carry, equal to the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who made a request and how they proved it. */
export type Principal =
  | { readonly via: 'session'; readonly actor: Actor; readonly session: SessionPrincipal; readonly token: string }
  | { readonly via: 'api_key'; readonly actor: Actor }
  | { readonly via: 'buyer_link'; readonly actor: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route's authentication hook; null when no credential was presented. */
    principal: Principal | null;
  }
}

export interface CredentialServices {
  readonly auth: AuthService;
  readonly apiKeys: ApiKeyService;
}

/** How a request presents a credential, before any lookup; `token` on the query string only where allowed. */
export function presentedCredential(
  request: FastifyRequest,
  allowQueryToken: boolean,
): { kind: 'api_key' | 'buyer_link' | 'session'; value: string } | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^(Bearer|Buyer)\s+(\S+)\s*$/i.exec(header);
    if (!match?.[2]) throw malformedAuthorization();
    return { kind: match[1]?.toLowerCase() === 'buyer' ? 'buyer_link' : 'api_key', value: match[2] };
  }
  const query = request.query as Record<string, unknown> | undefined;
  if (allowQueryToken && typeof query?.token === 'string' && query.token !== '')
    return { kind: 'buyer_link', value: query.token };
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return { kind: 'session', value: cookie };
  return undefined;
}

/**
 * Resolves the request's credential to a principal: `Authorization: Bearer pdk_…` (API key), `Authorization:
 * Buyer <link token>` or `?token=` (buyer link, where allowed), or the session cookie.
 * @throws {DomainError} `unauthenticated` for a credential that does not check out, `link_expired` for an old link
 */
export async function resolvePrincipal(
  request: FastifyRequest,
  services: CredentialServices,
  allowQueryToken: boolean,
): Promise<Principal | null> {
  const credential = presentedCredential(request, allowQueryToken);
  switch (credential?.kind) {
    case undefined:
      return null;
    case 'api_key':
      return { via: 'api_key', actor: await services.apiKeys.authenticate(credential.value) };
    case 'buyer_link':
      return { via: 'buyer_link', actor: services.auth.authenticateBuyerLink(credential.value) };
    case 'session': {
      const session = await services.auth.authenticateSession(credential.value);
      return { via: 'session', actor: session.actor, session, token: credential.value };
    }
  }
}

function malformedAuthorization(): DomainError {
  return new DomainError('unauthenticated', {
    zh: 'Authorization 请求头格式应为「Bearer <API 密钥>」或「Buyer <链接令牌>」',
    en: 'The Authorization header must be "Bearer <API key>" or "Buyer <link token>"',
  });
}
