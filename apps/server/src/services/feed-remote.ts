import type { Bilingual } from '@proofdesk/domain';

/** Limits on a remote feed's answer. */
export interface FeedFetchLimits {
  /** Whole request, connect to last byte (default 10 s). */
  readonly timeoutMs: number;
  /** Largest answer body (default 4 MiB: 500 entries of 32 hashes fit with room). */
  readonly maxBytes: number;
}

export const DEFAULT_FEED_FETCH_LIMITS: FeedFetchLimits = { timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 };

/** A remote answer, or why there is none. */
export type RemoteAnswer =
  | { readonly ok: true; readonly json: unknown }
  | {
      readonly ok: false;
      readonly code: 'unreachable' | 'http_status' | 'too_large' | 'not_json';
      readonly text: Bilingual;
    };

/**
 * GETs a URL and parses its JSON, refusing what a hostile or broken remote may answer: no answer within the timeout,
 * redirects (the pinned URL is the feed), a status other than 200, a body over the cap (counted while streaming, so
 * a lying Content-Length or an endless body costs at most the cap), and anything that is not JSON.
 */
export async function fetchRemoteJson(
  url: string,
  limits: FeedFetchLimits = DEFAULT_FEED_FETCH_LIMITS,
): Promise<RemoteAnswer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'error', headers: { accept: 'application/json' } });
  } catch (cause) {
    const timedOut = signal.aborted;
    return {
      ok: false,
      code: 'unreachable',
      text: timedOut
        ? {
            zh: `对方在 ${limits.timeoutMs} 毫秒内没有应答`,
            en: `The remote did not answer within ${limits.timeoutMs} ms`,
          }
        : {
            zh: `无法连接对方：${String((cause as Error).cause ?? cause)}`,
            en: `Could not reach the remote: ${String((cause as Error).cause ?? cause)}`,
          },
    };
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      code: 'http_status',
      text: { zh: `对方应答 HTTP ${response.status}`, en: `The remote answered HTTP ${response.status}` },
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return {
          ok: false,
          code: 'too_large',
          text: {
            zh: `应答超过 ${limits.maxBytes} 字节上限`,
            en: `The answer exceeds the ${limits.maxBytes}-byte cap`,
          },
        };
      }
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
  } catch {
    return {
      ok: false,
      code: 'unreachable',
      text: signal.aborted
        ? {
            zh: `对方在 ${limits.timeoutMs} 毫秒内没有传完应答`,
            en: `The remote did not finish answering within ${limits.timeoutMs} ms`,
          }
        : { zh: '读取应答时连接中断', en: 'The connection broke while reading the answer' },
    };
  }
  try {
    return { ok: true, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, code: 'not_json', text: { zh: '应答不是 JSON', en: 'The answer is not JSON' } };
  }
}
