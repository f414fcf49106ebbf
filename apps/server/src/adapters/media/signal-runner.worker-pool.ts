/**
 * {@link SignalRunner} on worker threads: `checkPhoto` hands it the tamper analyses of a photo and matches the
 * references on its own thread meanwhile (docs/adr/0020-check-on-two-threads.md).
 *
 * It never makes a check wait: `tryRun` answers `undefined` (run them yourself) while every worker is busy or still
 * starting. Workers start on first use, are unreferenced while idle (they never keep the process alive) and end after
 * `idleMs` without work. A run that exceeds `timeoutMs` terminates its worker and rejects, as does a worker that
 * dies; the check then runs the signals itself, so nothing is lost.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DetachedSignalOutcome, DetachedSignalRequest, SignalRunner } from '@proofdesk/forensics';
import type { SignalWorkerData, SignalWorkerMessage, SignalWorkerRequest } from './signal-runner.worker.js';

/** Options of {@link SignalWorkerPool}. */
export interface SignalWorkerPoolOptions {
  /** Workers at most. Default: one less than the cores available, at least 1. */
  readonly size?: number;
  /** The decoder's time limit per decode in the workers, in milliseconds. */
  readonly decodeTimeoutMs: number;
  /** Longest one run may take before its worker is terminated, in milliseconds. Default 4 × `decodeTimeoutMs`. */
  readonly timeoutMs?: number;
  /** End a worker after this long without work, in milliseconds. Default 60 000. */
  readonly idleMs?: number;
}

/** The default pool size: the cores left once the main thread has one. */
export function defaultSignalWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Run {
  readonly id: number;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (outcomes: readonly DetachedSignalOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker?: Worker;
  /** Settles once the worker has loaded its modules (or died trying). */
  booting?: Promise<void>;
  ready: boolean;
  run?: Run;
  idleTimer?: NodeJS.Timeout;
}

export class SignalWorkerPool implements SignalRunner {
  readonly #slots: Slot[];
  readonly #data: SignalWorkerData;
  readonly #timeoutMs: number;
  readonly #idleMs: number;
  #nextId = 1;
  #closed = false;

  /** @throws {TypeError} when a size or duration is not a positive number */
  constructor(options: SignalWorkerPoolOptions) {
    const { size = defaultSignalWorkers(), decodeTimeoutMs, idleMs = 60_000 } = options;
    const timeoutMs = options.timeoutMs ?? 4 * decodeTimeoutMs;
    for (const [name, value] of Object.entries({ size, decodeTimeoutMs, timeoutMs, idleMs })) {
      if (!(Number.isFinite(value) && value > 0)) {
        throw new TypeError(`Expected ${name} to be a positive number but received ${String(value)}`);
      }
    }
    this.#slots = Array.from({ length: Math.floor(size) || 1 }, () => ({ ready: false }));
    this.#data = { decodeTimeoutMs };
    this.#timeoutMs = timeoutMs;
    this.#idleMs = idleMs;
  }

  /** Starts every worker now, so the first checks need not run their signals themselves; resolves when all are ready. */
  async warm(): Promise<void> {
    if (this.#closed) return;
    await Promise.all(this.#slots.map((slot) => (slot.worker && slot.booting ? slot.booting : this.#spawn(slot))));
  }

  tryRun(request: DetachedSignalRequest): Promise<readonly DetachedSignalOutcome[]> | undefined {
    if (this.#closed) return undefined;
    const slot = this.#slots.find((s) => s.ready && !s.run);
    if (!slot) {
      // Nothing free: start a worker for the next check if a slot has none, and let this one run them itself.
      const empty = this.#slots.find((s) => !s.worker);
      if (empty) void this.#spawn(empty);
      return undefined;
    }
    const worker = slot.worker!;
    clearTimeout(slot.idleTimer);
    worker.ref(); // keep the process alive while a run is in flight
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void this.#release(slot)?.terminate();
        this.#settle(slot, id)?.reject(new Error(`the detached signals took longer than ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      slot.run = { id, timer, resolve, reject };
      // A copy (not `slice()`, which on a Buffer is a view of the caller's memory, possibly of Node's shared pool):
      // the caller keeps its bytes, the copy's buffer moves to the worker without a second copy.
      const bytes = new Uint8Array(request.bytes);
      worker.postMessage({ id, request: { ...request, bytes } } satisfies SignalWorkerRequest, [bytes.buffer]);
    });
  }

  /** Terminates every worker; runs in flight reject (their checks run the signals themselves). */
  async close(): Promise<void> {
    this.#closed = true;
    const exits: Promise<number>[] = [];
    for (const slot of this.#slots) {
      const run = slot.run;
      const worker = this.#release(slot);
      if (run) this.#settle(slot, run.id)?.reject(new Error('the signal worker pool was closed'));
      if (worker) exits.push(worker.terminate());
    }
    await Promise.all(exits);
  }

  #spawn(slot: Slot): Promise<void> {
    const worker = new Worker(new URL('./signal-runner.worker.js', import.meta.url), { workerData: this.#data });
    slot.worker = worker;
    slot.ready = false;
    worker.unref();
    slot.booting = new Promise((started) => {
      worker.on('message', (message: SignalWorkerMessage) => {
        if (slot.worker !== worker) return;
        if (message.kind === 'ready') {
          slot.ready = true;
          this.#idle(slot);
          started();
          return;
        }
        this.#settle(slot, message.id)?.resolve(message.outcomes);
        this.#idle(slot);
      });
      const died = (error: Error) => {
        started();
        if (slot.worker !== worker) return;
        const run = slot.run;
        this.#release(slot);
        if (run) this.#settle(slot, run.id)?.reject(new Error(`the signal worker stopped: ${error.message}`));
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
    });
    return slot.booting;
  }

  /** Takes the slot's run if it is the one with `id`, clearing its timer. */
  #settle(slot: Slot, id: number): Run | undefined {
    const run = slot.run;
    if (run?.id !== id) return undefined;
    clearTimeout(run.timer);
    slot.run = undefined;
    return run;
  }

  /** An idle worker does not keep the process alive and ends after `idleMs`. */
  #idle(slot: Slot): void {
    const worker = slot.worker;
    if (!worker || slot.run || this.#closed) return;
    worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.worker === worker && !slot.run) void this.#release(slot)?.terminate();
    }, this.#idleMs).unref();
  }

  /** Detaches the slot's worker (so its exit is not taken for a crash) and returns it. */
  #release(slot: Slot): Worker | undefined {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    clearTimeout(slot.idleTimer);
    return worker;
  }
}
