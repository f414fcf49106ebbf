/**
 * Worker thread that runs the detachable signals (the tamper analyses) of a check for
 * {@link ./signal-runner.worker-pool.ts}, with its own sharp decoder, while the main thread runs the rest of the check.
 *
 * `workerData`: {@link SignalWorkerData}. Messages in: {@link SignalWorkerRequest}; out: {@link SignalWorkerMessage}
 * (`ready` once, after the modules have loaded; then one `done` per request).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runDetachedSignals, type DetachedSignalOutcome, type DetachedSignalRequest } from '@proofdesk/forensics';
import { SharpImageDecoder } from './sharp.image-decoder.js';

/** What the worker is started with. */
export interface SignalWorkerData {
  /** The decoder's per-decode time limit, as on the main thread. */
  readonly decodeTimeoutMs: number;
}

/** One check's detached signals. */
export interface SignalWorkerRequest {
  readonly id: number;
  readonly request: DetachedSignalRequest;
}

export type SignalWorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly outcomes: readonly DetachedSignalOutcome[] };

const port = parentPort;
if (!port) throw new Error('signal-runner.worker must run in a worker thread');
const { decodeTimeoutMs } = workerData as SignalWorkerData;
const decoder = new SharpImageDecoder({ timeoutMs: decodeTimeoutMs });

port.on('message', ({ id, request }: SignalWorkerRequest) => {
  void runDetachedSignals(request, decoder).then((outcomes) =>
    port.postMessage({ kind: 'done', id, outcomes } satisfies SignalWorkerMessage),
  );
});
port.postMessage({ kind: 'ready' } satisfies SignalWorkerMessage);
