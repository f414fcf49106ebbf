import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../adapters/db/database.js';

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

/** Liveness, readiness and the placeholder home page. */
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
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE),
  );
}
