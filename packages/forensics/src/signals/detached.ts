/**
 * Running the detachable signals (`Signal.detachable`) away from the rest of a check: what a `SignalRunner` in
 * another thread calls with the request `checkPhoto` sent it. The context it builds holds only what the request
 * carries; reading anything else throws, so a signal wrongly marked detachable fails loudly in tests instead of
 * reading `undefined`.
 */
import type { DetachedSignalOutcome, DetachedSignalRequest, ImageDecoder } from '../ports.js';
import { SIGNALS } from './index.js';
import type { Signal, SignalContext } from './signal.js';

const CARRIED = new Set(['bytes', 'format', 'header', 'width', 'height', 'maxPixels', 'decoder', 'file']);

/** A signal context holding only the request's fields (and the decoder); any other field throws when read. */
export function detachedContext(request: DetachedSignalRequest, decoder: ImageDecoder): SignalContext {
  const { bytes, format, header, width, height, maxPixels } = request;
  const carried = { file: '', bytes, format, header, width, height, maxPixels, decoder };
  return new Proxy(carried, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !CARRIED.has(key)) {
        throw new Error(`A detached signal read ctx.${key}, which a DetachedSignalRequest does not carry`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as unknown as SignalContext;
}

/**
 * Runs the named detachable signals, in the order named, on one shared context (so the tamper signals share one
 * working image). Never rejects: a signal that throws, or a name that is not a detachable signal, is an outcome with
 * `error`.
 */
export async function runDetachedSignals(
  request: DetachedSignalRequest,
  decoder: ImageDecoder,
  signals: readonly Signal[] = SIGNALS,
): Promise<DetachedSignalOutcome[]> {
  const ctx = detachedContext(request, decoder);
  const outcomes: DetachedSignalOutcome[] = [];
  for (const name of request.names) {
    const started = performance.now();
    const ms = () => Math.round((performance.now() - started) * 100) / 100;
    const signal = signals.find((s) => s.name === name);
    if (!signal?.detachable) {
      outcomes.push({ name, ms: 0, error: `${name} is not a detachable signal` });
      continue;
    }
    try {
      const result = await signal.run(ctx);
      outcomes.push({ name, ms: ms(), result });
    } catch (error) {
      outcomes.push({ name, ms: ms(), error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
