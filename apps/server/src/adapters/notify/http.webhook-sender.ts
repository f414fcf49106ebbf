import { DeliveryError, type WebhookEvent, type WebhookSender, type WebhookTarget } from './notify-ports.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

export interface HttpWebhookSenderOptions {
  /** Per request, in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Unix ms now, for the signed timestamp (tests pass their clock). */
  readonly nowMs?: () => number;
}

/**
 * Webhooks over HTTP(S) with `fetch`: a JSON POST signed with HMAC-SHA256 over `<timestamp>.<body>` (see
 * webhook-signature.ts). A 2xx is delivered; 408, 429 and 5xx, time-outs and connection errors are transient (retried
 * with backoff); any other status is permanent (the receiver refused it: a retry would be refused again).
 */
export class HttpWebhookSender implements WebhookSender {
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;

  constructor(options: HttpWebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.nowMs = options.nowMs ?? Date.now;
  }

  async send(target: WebhookTarget, event: WebhookEvent): Promise<void> {
    const body = JSON.stringify(event);
    const timestampS = Math.floor(this.nowMs() / 1000);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'proofdesk-webhooks/1',
          [WEBHOOK_HEADERS.delivery]: event.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestampS),
          [WEBHOOK_HEADERS.signature]: signWebhook(target.secret, timestampS, body),
          [WEBHOOK_HEADERS.topic]: event.topic,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(`webhook: ${(error as Error).message}`, false, { cause: error });
    }
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return;
    const transient = response.status === 408 || response.status === 429 || response.status >= 500;
    throw new DeliveryError(`webhook: HTTP ${response.status}`, !transient);
  }
}
