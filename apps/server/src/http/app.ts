import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { DomainError } from '@proofdesk/domain';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sha256Hex } from '../adapters/crypto/tokens.js';
import { DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from './app-deps.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { openApiTransformObject } from './openapi-components.js';
import { registerMetrics } from './plugins/metrics.plugin.js';
import { registerSystemRoutes } from './plugins/system.routes.js';
import { SESSION_COOKIE } from './principal.js';
import { API_PREFIX, registerApiRoutes, type ApiRoute } from './route.js';
import { apiRoutes } from './routes/index.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Honours a sane `x-request-id` from the caller (a proxy's, a client's), otherwise makes one. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Rate-limit bucket: the presented credential (hashed) when there is one, else the client IP. */
function rateLimitKey(request: FastifyRequest): string {
  const credential = request.headers.authorization ?? request.cookies[SESSION_COOKIE];
  return credential ? `cred:${sha256Hex(credential).slice(0, 32)}` : `ip:${request.ip}`;
}

/** Upload routes read their form themselves (no body schema to validate); document the form they expect. */
const MULTIPART_FILE_BODY = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'The photo (JPEG, PNG, WebP, HEIC, AVIF…)' } },
};

const documentMultipart: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const consumes = (input.schema as { consumes?: readonly string[] } | undefined)?.consumes;
  return consumes?.includes('multipart/form-data')
    ? { ...out, schema: { ...out.schema, body: MULTIPART_FILE_BODY } }
    : out;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's route table, as registered (the authz matrix test walks it). */
    apiRoutes: readonly ApiRoute[];
  }
}

/**
 * The HTTP API as a Fastify instance, ready for `inject` or `listen`: zod-validated routes under `/api/v1` with
 * RBAC from the route table, request ids, rate limits, `/healthz`, `/readyz`, `/metrics`, OpenAPI 3.1 at
 * `/api/v1/openapi.json` and Swagger UI at `/api/docs`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const options = deps.options ?? {};
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    genReqId: requestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // API answers carry personal data: never kept by shared caches (image routes set their own private caching).
    if (request.url.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        {
          zh: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
          en: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
        },
        { limit: context.max, retryAfterMs: context.ttl },
      ),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES, files: 1, fields: 20, parts: 21 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Proofdesk API',
        version: '1',
        description:
          '售后凭证台 API：带可信证据的售后申请。Claims with evidence that can be trusted. Errors answer ' +
          '`{ error: { code, message: { zh, en }, details?, requestId } }`.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Console session from POST /api/v1/auth/sign-in; unsafe methods also need x-csrf-token.',
          },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, `pdk_…`' },
          buyerLink: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: '`Buyer <token>` from a buyer link (or `?token=<token>`)',
          },
        },
      },
    },
    transform: documentMultipart,
    transformObject: openApiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH });

  registerMetrics(app, {
    jobs: deps.services.jobs,
    ...(options.processMetrics ? { processMetrics: true } : {}),
  });
  registerSystemRoutes(app, deps.db);
  app.get(OPENAPI_PATH, { schema: { hide: true } }, (_request, reply) => reply.send(app.swagger()));

  const routes = apiRoutes(deps);
  registerApiRoutes(app, routes, { services: deps.services, db: deps.db, clock: deps.clock });
  app.decorate('apiRoutes', routes);
  await app.ready();
  return app;
}
