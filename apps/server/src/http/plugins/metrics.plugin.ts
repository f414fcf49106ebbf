import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_STATUSES } from '../../jobs/job-types.js';
import type { JobAdmin } from '../app-deps.js';

export interface MetricsOptions {
  readonly jobs?: Pick<JobAdmin, 'stats'>;
  /** Also collect node's process metrics (one app per process only: they are process-wide). */
  readonly processMetrics?: boolean;
}

/**
 * Prometheus metrics on a registry of the app's own (tests build many apps in one process):
 * `http_request_duration_seconds{method,route,status_code}` for every answered request, and
 * `proofdesk_jobs{status}` read from the queue at scrape time.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): Registry {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request durations in seconds, by route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const jobs = options.jobs;
  if (jobs)
    new Gauge({
      name: 'proofdesk_jobs',
      help: 'Jobs in the queue by status',
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        const stats = await jobs.stats();
        for (const status of JOB_STATUSES) this.set({ status }, stats.byStatus[status]);
      },
    });
  app.addHook('onResponse', async (request, reply) => {
    // Route patterns, never raw URLs: ids would make one series per claim.
    const route = request.routeOptions.url ?? 'unmatched';
    durations.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
