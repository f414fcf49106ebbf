import { actorMay, DomainError, errors, type Actor, type Clock, type Permission } from '@proofdesk/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../adapters/db/database.js';
import { idempotent } from './idempotency.js';
import { CSRF_HEADER, resolvePrincipal, type CredentialServices, type Principal } from './principal.js';
import { errorBodySchema } from './schemas/common.schemas.js';
import { safeEqual } from '../adapters/crypto/tokens.js';

/**
 * Who may call a route: anyone (`public`), a signed-in console user (`session`), or any principal holding a
 * permission (roles.ts). Buyers hold only `claim.buyer`.
 */
export type Access = 'public' | 'session' | Permission;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One zod schema object per route: it validates, types and documents the route. */
export interface RouteSchema {
  readonly params?: z.ZodType;
  readonly querystring?: z.ZodType;
  readonly body?: z.ZodType;
  /** Request headers the route reads (a loose object: other headers pass through untouched). */
  readonly headers?: z.ZodType;
  /** Success responses by status. Error responses (the `Error` body) are added for every route. */
  readonly response: Readonly<Record<number, z.ZodType>>;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
/** Services answer readonly views; a readonly view of the schema's output type accepts them. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type ResponseOf<S extends RouteSchema> = {
  [K in keyof S['response']]: DeepReadonly<z.output<S['response'][K]>>;
}[keyof S['response']];

export interface RouteContext<S extends RouteSchema, A extends Access> {
  readonly params: Parsed<S['params']>;
  readonly query: Parsed<S['querystring']>;
  readonly body: Parsed<S['body']>;
  readonly headers: Parsed<S['headers']>;
  /** The acting principal's actor; null only on public routes called without credentials. */
  readonly actor: A extends 'public' ? Actor | null : Actor;
  readonly principal: Principal | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** A route in the API's route table. */
export interface ApiRoute<S extends RouteSchema = RouteSchema, A extends Access = Access> {
  readonly method: HttpMethod;
  /** Path under `/api/v1`, fastify syntax (`/claims/:id`). */
  readonly url: string;
  readonly access: A;
  /** OpenAPI summary (English) and tags. */
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly schema: S;
  /** Status of a successful answer (default 200). */
  readonly status?: number;
  /** The route reads a multipart body itself (`request.file()`); documented as `multipart/form-data`. */
  readonly multipart?: { readonly field: string };
  /** Accept a buyer link as `?token=` as well as in the Authorization header. */
  readonly queryToken?: boolean;
  /**
   * Honour an `Idempotency-Key` header: the same key and body answer the stored first response, another body 409
   * `idempotency_mismatch`. Only for creates whose answer may be stored (never one that shows a secret once).
   */
  readonly idempotent?: boolean;
  /** A tighter rate limit than the global one, per client IP. */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Answers the response body, or the reply itself once it has sent something else (bytes, a redirect). */
  handler(ctx: RouteContext<S, A>): Promise<ResponseOf<S> | FastifyReply>;
}

/** Declares a route with its types inferred from its schema and access. */
export function defineRoute<const S extends RouteSchema, const A extends Access>(route: ApiRoute<S, A>): ApiRoute {
  return route;
}

export const API_PREFIX = '/api/v1';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('Makes a retried create safe: the same key and body answer the first response again');

function csrfRefused(): DomainError {
  return new DomainError(
    'forbidden',
    { zh: '缺少或错误的 CSRF 令牌（x-csrf-token 请求头）', en: 'Missing or wrong CSRF token (x-csrf-token header)' },
    { reason: 'csrf' },
  );
}

/**
 * Authenticates and authorises one request against its route's access: 401 without a (valid) credential, 403
 * without the permission or, for cookie sessions on unsafe methods, without the CSRF header.
 * @throws {DomainError}
 */
export async function authorise(request: FastifyRequest, route: ApiRoute, services: CredentialServices): Promise<void> {
  if (route.access === 'public') {
    // A stale cookie or an old link must not stop anyone from signing in again.
    request.principal = await resolvePrincipal(request, services, route.queryToken ?? false).catch(() => null);
    return;
  }
  const principal = await resolvePrincipal(request, services, route.queryToken ?? false);
  request.principal = principal;
  if (!principal) throw errors.unauthenticated();
  if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, principal.session.csrfToken)) throw csrfRefused();
  }
  if (route.access === 'session') {
    if (principal.via !== 'session') throw errors.forbidden('session');
    return;
  }
  if (!actorMay(principal.actor, route.access)) throw errors.forbidden(route.access);
}

function securityOf(access: Access): readonly Record<string, readonly string[]>[] | undefined {
  if (access === 'public') return undefined;
  if (access === 'session') return [{ session: [] }];
  if (access === 'claim.buyer') return [{ buyerLink: [] }];
  return [{ session: [] }, { apiKey: [] }];
}

/** Registers the route table on the app: schema, RBAC from `access`, rate limits, and the handler. */
export function registerApiRoutes(
  app: FastifyInstance,
  routes: readonly ApiRoute[],
  deps: { services: CredentialServices; db: Db; clock: Clock },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const route of routes) {
    const { response, ...declared } = route.schema;
    const inputs = route.idempotent
      ? { ...declared, headers: z.looseObject({ 'idempotency-key': idempotencyKeySchema }) }
      : declared;
    const run = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> =>
      route.handler({
        params: request.params,
        query: request.query,
        body: request.body,
        headers: request.headers,
        actor: request.principal?.actor ?? null,
        principal: request.principal,
        request,
        reply,
      });
    typed.route({
      method: route.method,
      url: `${API_PREFIX}${route.url}`,
      schema: {
        ...inputs,
        response: { ...response, '4xx': errorBodySchema, '5xx': errorBodySchema },
        summary: route.summary,
        description: `${route.description ? `${route.description}\n\n` : ''}Access: \`${route.access}\`.`,
        tags: [...route.tags],
        ...(route.multipart ? { consumes: ['multipart/form-data'] } : {}),
        ...(securityOf(route.access) ? { security: securityOf(route.access) } : {}),
      },
      config: {
        access: route.access,
        ...(route.rateLimit
          ? {
              rateLimit: {
                max: route.rateLimit.max,
                timeWindow: route.rateLimit.timeWindowMs,
                keyGenerator: (request: FastifyRequest) => `ip:${request.ip}`,
              },
            }
          : {}),
      },
      onRequest: async (request) => authorise(request, route, deps.services),
      handler: async (request, reply) => {
        const status = route.status ?? 200;
        const key = request.headers['idempotency-key'];
        const actor = request.principal?.actor;
        if (route.idempotent && typeof key === 'string' && actor) {
          const result = await idempotent(
            deps.db,
            {
              workspaceId: actor.workspaceId,
              key,
              method: route.method,
              route: route.url,
              body: request.body,
              nowMs: deps.clock.nowMs(),
            },
            async () => ({ status, body: await run(request, reply) }),
          );
          if (result.replayed) reply.header('idempotent-replayed', 'true');
          return reply.code(result.status).send(result.body as never);
        }
        const result = await run(request, reply);
        if (result === reply) return reply;
        // The response schema checks the body at run time (a mismatch is a 500, never a leak of extra fields).
        return reply.code(status).send(result as never);
      },
    });
  }
}
