/**
 * `node apps/server/dist/bench/official.bench.js [sqlite|postgres] [outlets] [queries]`: public verification
 * in-process (Fastify inject, the real services over a real database), sequential queries of mixed inputs (a scam
 * 400 number, the official hotline, an outlet's phone, a mobile, a look-alike site, an outlet name, an unreadable
 * line), each with a district, against `outlets` outlets that cover ten counties. Prints verifications/s and latency.
 */
import { performance } from 'node:perf_hooks';
import type { Dialect } from '../adapters/db/database.js';
import { createTestApp } from '../http/test-app.js';

const dialect = (process.argv[2] ?? 'sqlite') as Dialect;
const OUTLETS = Number(process.argv[3] ?? 200);
const QUERIES = Number(process.argv[4] ?? 2000);
const COUNTIES = ['510107', '510106', '440113', '330110', '420105', '610113', '370102', '460106', '513435', '110105'];
const INPUTS = [
  '400-888-6699',
  '400-1865-909',
  '028-81000150',
  '13800138000',
  'www.acme-lock.com',
  '网点 7',
  '4OO-186',
];

const h = await createTestApp(dialect);
try {
  const admin = h.actors.admin;
  const s = h.services;
  for (let i = 0; i < OUTLETS; i++) {
    const county = COUNTIES[i % COUNTIES.length] ?? '510107';
    const outlet = await s.outlets.createOutlet(admin, {
      name: `网点 ${i}`,
      address: `地址 ${i}`,
      areaCode: county,
      phones: [`028-8${String(1_000_000 + i).slice(-7)}`],
    });
    await s.coverage.replaceCoverage(admin, outlet.id, [{ code: county, mode: 'include' }]);
  }
  await s.officialChannels.createChannel(admin, { kind: 'hotline', value: '400-186-5909', label: '全国' });
  await s.officialChannels.createChannel(admin, { kind: 'website', value: 'acme-lock.com.cn', label: '官网' });
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const at = performance.now();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/workspaces/acme/verify',
      payload: { input: INPUTS[i % INPUTS.length], areaCode: COUNTIES[i % COUNTIES.length] },
      // One address per query: the per-IP limit is not what is measured.
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    times.push(performance.now() - at);
  }
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2);
  console.log(
    `${dialect}: ${OUTLETS} outlets, ${QUERIES} sequential verifications: ${(QUERIES / (wall / 1000)).toFixed(0)}/s, ` +
      `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  );
} finally {
  await h.dispose();
}
