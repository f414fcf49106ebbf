import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../adapters/db/database.js';

/** The console built by `npm run build` (apps/web/dist/console; this file compiles to apps/server/dist/http/plugins). */
const CONSOLE_DIR = fileURLToPath(new URL('../../../../web/dist/console/', import.meta.url));
/** Paths the console's client-side routes never take: they keep the API's JSON 404. */
const NOT_CONSOLE = /^\/(api|healthz|readyz|metrics)(\/|$)/;

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Proofdesk 售后凭证台</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head>
<body>
<h1>Proofdesk 售后凭证台</h1>
<p>控制台即将上线。现在可以通过 <a href="/api/docs">API 文档</a> 使用全部功能。</p>
<p lang="en">The console is coming. Meanwhile the whole product is available through the <a href="/api/docs">API
documentation</a> (OpenAPI at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>).</p>
</body>
</html>
`;

/**
 * Serves the built console at `/`: its files (hashed assets cached for a year), and `index.html` (or `buyer.html` under
 * `/buyer`, `repair.html` — the repair customer's booking and status pages — under `/repair`) for any other GET outside the API, so client-side routes survive a reload. Without a build, a placeholder.
 */
function registerConsole(app: FastifyInstance): boolean {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) return false;
  const page = (name: string) => readFileSync(join(CONSOLE_DIR, name), 'utf8');
  const pages = {
    console: page('index.html'),
    buyer: page('buyer.html'),
    repair: page('repair.html'),
    verify: page('verify.html'),
  };
  void app.register(fastifyStatic, {
    root: CONSOLE_DIR,
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (reply, path) =>
      void reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_CONSOLE.test(path) || extname(path) !== '') return reply.callNotFound();
    const html = /^\/buyer(\/|$)/.test(path)
      ? pages.buyer
      : /^\/repair(\/|$)/.test(path)
        ? pages.repair
        : /^\/verify(\/|$)/.test(path)
          ? pages.verify
          : pages.console;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
  return true;
}

/** Liveness, readiness, and the console at `/` (a placeholder page when it is not built). */
export function registerSystemRoutes(app: FastifyInstance, db: Db): void {
  app.get('/healthz', { schema: { hide: true } }, (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db.kysely);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    }
  });
  if (registerConsole(app)) return;
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE),
  );
}
