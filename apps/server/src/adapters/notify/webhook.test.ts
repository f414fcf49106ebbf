import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startWebhookReceiver } from '../../services/notification-test-harness.js';
import { HttpWebhookSender } from './http.webhook-sender.js';
import { DeliveryError, type WebhookEvent } from './notify-ports.js';
import { signWebhook, verifyWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

const SECRET = 'whsec_test-secret';
const NOW_MS = Date.parse('2026-11-02T02:00:00.000Z');
const TS = NOW_MS / 1000;
const BODY = '{"id":"0193","topic":"repair.status","data":{"number":"RO-1"}}';

describe('webhook signatures', () => {
  it('signs HMAC-SHA256 over "<timestamp>.<body>" as v1=<hex>', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    assert.equal(signWebhook(SECRET, TS, BODY), `v1=${expected}`);
  });

  const good = { timestamp: String(TS), signature: signWebhook(SECRET, TS, BODY) };
  const cases: [string, Parameters<typeof verifyWebhook>, ReturnType<typeof verifyWebhook>][] = [
    ['the signed request', [SECRET, good, BODY, NOW_MS], { ok: true }],
    ['299 s late', [SECRET, good, BODY, NOW_MS + 299_000], { ok: true }],
    ['301 s late (a replay)', [SECRET, good, BODY, NOW_MS + 301_000], { ok: false, reason: 'stale_timestamp' }],
    ['301 s early', [SECRET, good, BODY, NOW_MS - 301_000], { ok: false, reason: 'stale_timestamp' }],
    ['a tighter window', [SECRET, good, BODY, NOW_MS + 61_000, 60], { ok: false, reason: 'stale_timestamp' }],
    ['another secret', ['whsec_other', good, BODY, NOW_MS], { ok: false, reason: 'bad_signature' }],
    ['a changed body', [SECRET, good, BODY.replace('RO-1', 'RO-2'), NOW_MS], { ok: false, reason: 'bad_signature' }],
    [
      'the timestamp moved without re-signing',
      [SECRET, { ...good, timestamp: String(TS + 10) }, BODY, NOW_MS],
      { ok: false, reason: 'bad_signature' },
    ],
    [
      'a truncated signature',
      [SECRET, { ...good, signature: good.signature.slice(0, 20) }, BODY, NOW_MS],
      { ok: false, reason: 'bad_signature' },
    ],
    ['no signature', [SECRET, { timestamp: String(TS) }, BODY, NOW_MS], { ok: false, reason: 'missing_headers' }],
    [
      'a timestamp that is not a number',
      [SECRET, { ...good, timestamp: 'soon' }, BODY, NOW_MS],
      { ok: false, reason: 'stale_timestamp' },
    ],
  ];
  for (const [name, args, expected] of cases) it(name, () => assert.deepEqual(verifyWebhook(...args), expected));
});

const event: WebhookEvent = {
  id: '0193-delivery',
  topic: 'repair.status',
  workspaceId: 'ws1',
  createdAt: '2026-11-02T02:00:00.000Z',
  subject: { type: 'repair_order', id: 'ro-1' },
  title: { zh: '工单 RO-1：已接单', en: 'Order RO-1: accepted' },
  body: { zh: '师傅已接单', en: 'Accepted' },
  link: null,
  data: { number: 'RO-1' },
};

describe('HttpWebhookSender against a local HTTP server', () => {
  const statuses = [200, 500, 503, 408, 429, 400, 404, 410, 301];
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const sender = new HttpWebhookSender({ nowMs: () => NOW_MS, timeoutMs: 2_000 });
  before(async () => {
    receiver = await startWebhookReceiver(statuses);
  });
  after(() => receiver.close());

  it('sends signed JSON and says which refusals a retry can help', async () => {
    const outcomes: string[] = [];
    for (const status of statuses) {
      try {
        await sender.send({ url: receiver.url, secret: SECRET }, event);
        outcomes.push(`${status}:ok`);
      } catch (error) {
        assert.ok(error instanceof DeliveryError);
        outcomes.push(`${status}:${error.permanent ? 'permanent' : 'transient'}`);
      }
    }
    assert.deepEqual(outcomes, [
      '200:ok',
      '500:transient',
      '503:transient',
      '408:transient',
      '429:transient',
      '400:permanent',
      '404:permanent',
      '410:permanent',
      '301:permanent',
    ]);
    const first = receiver.received[0]!;
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(first.headers[WEBHOOK_HEADERS.delivery], event.id);
    assert.equal(first.headers[WEBHOOK_HEADERS.topic], 'repair.status');
    assert.equal(first.headers[WEBHOOK_HEADERS.timestamp], String(TS));
    assert.deepEqual(JSON.parse(first.body), event);
    assert.deepEqual(
      verifyWebhook(
        SECRET,
        {
          timestamp: String(first.headers[WEBHOOK_HEADERS.timestamp]),
          signature: String(first.headers[WEBHOOK_HEADERS.signature]),
        },
        first.body,
        NOW_MS,
      ),
      { ok: true },
    );
  });

  it('takes a refused connection as transient', async () => {
    await assert.rejects(
      sender.send({ url: 'http://127.0.0.1:9/nothing-listens', secret: SECRET }, event),
      (error: unknown) => error instanceof DeliveryError && !error.permanent,
    );
  });
});
