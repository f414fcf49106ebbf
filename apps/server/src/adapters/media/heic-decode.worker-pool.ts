/**
 * Runs `heic-decode` in worker threads so a HEIC decode can be timed out (the worker is terminated), a WebAssembly
 * abort cannot poison later decodes (the worker is dropped), and the event loop stays free. Workers start lazily, are
 * unreferenced while idle (they never keep the process alive) and are terminated after `idleMs` without work, which
 * also returns the WebAssembly memory they grew.
 */
import { Worker } from 'node:worker_threads';
import { DecodeError } from '@proofdesk/forensics';
import type { HeicWorkerRequest, HeicWorkerResponse } from './heic-decode.worker.js';

/** Options of {@link HeicDecodeWorkerPool}. */
export interface HeicDecodeWorkerPoolOptions {
  /** Most decodes at once, one worker each. Default 1. */
  readonly size?: number;
  /** Terminate a worker after this long without work, in milliseconds. Default 10 000. */
  readonly idleMs?: number;
}

/** RGBA pixels from libheif, transformations applied. */
export interface HeicPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A failure reported by the worker: libheif's message and what it logged; mapped to a reason by the caller. */
export class HeicWorkerFailure extends Error {
  override readonly name = 'HeicWorkerFailure';
  constructor(
    message: string,
    readonly notes: readonly string[],
  ) {
    super(notes.length > 0 ? `${message}: ${notes.join('; ')}` : message);
  }
}

interface Job {
  readonly request: Omit<HeicWorkerRequest, 'id'>;
  readonly timeoutMs: number;
  readonly resolve: (pixels: HeicPixels) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker?: Worker;
  job?: Job & { readonly id: number; readonly timer: NodeJS.Timeout };
  idleTimer?: NodeJS.Timeout;
}

/** A small pool of `heic-decode` workers. */
export class HeicDecodeWorkerPool {
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  readonly #idleMs: number;
  #nextId = 1;
  #closed = false;

  /** @throws {TypeError} when `size` or `idleMs` is not a positive number */
  constructor(options: HeicDecodeWorkerPoolOptions = {}) {
    const { size = 1, idleMs = 10_000 } = options;
    for (const [name, value] of Object.entries({ size, idleMs })) {
      if (!(Number.isFinite(value) && value > 0)) {
        throw new TypeError(`Expected ${name} to be a positive number but received ${String(value)}`);
      }
    }
    this.#slots = Array.from({ length: Math.max(1, Math.floor(size)) }, () => ({}));
    this.#idleMs = idleMs;
  }

  /**
   * Decodes the primary image of a HEIC/HEIF file to RGBA.
   * @param timeoutMs longest the decode may run once a worker has it, in milliseconds (waiting in the queue is not
   *   counted); the worker is terminated when it is exceeded
   * @throws {DecodeError} `timeout` when the worker took longer than `timeoutMs`, `too_large` when libheif's size is
   *   over `maxPixels`
   * @throws {HeicWorkerFailure} for anything libheif reported (the caller maps it to a reason)
   */
  decode(request: Omit<HeicWorkerRequest, 'id'>, timeoutMs: number): Promise<HeicPixels> {
    if (this.#closed) return Promise.reject(new Error('HeicDecodeWorkerPool is closed'));
    return new Promise<HeicPixels>((resolve, reject) => {
      this.#queue.push({ request, timeoutMs, resolve, reject });
      this.#dispatch();
    });
  }

  /** Terminates every worker; pending decodes fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('HeicDecodeWorkerPool is closed'));
    const exits: Promise<number>[] = [];
    for (const slot of this.#slots) {
      const worker = this.#release(slot);
      if (worker) exits.push(worker.terminate());
      if (slot.job) {
        clearTimeout(slot.job.timer);
        slot.job.reject(new Error('HeicDecodeWorkerPool is closed'));
        slot.job = undefined;
      }
    }
    await Promise.all(exits);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job) continue;
      const job = this.#queue.shift();
      if (!job) return;
      clearTimeout(slot.idleTimer);
      const worker = slot.worker ?? this.#spawn(slot);
      worker.ref();
      const id = this.#nextId++;
      const timer = setTimeout(() => {
        void this.#release(slot)?.terminate();
        this.#finish(slot, id);
        job.reject(new DecodeError('timeout', `HEIF decoding took longer than ${job.timeoutMs} ms and was stopped`));
      }, job.timeoutMs);
      slot.job = { ...job, id, timer };
      worker.postMessage({ id, ...job.request } satisfies HeicWorkerRequest);
    }
  }

  #spawn(slot: Slot): Worker {
    const worker = new Worker(new URL('./heic-decode.worker.js', import.meta.url));
    slot.worker = worker;
    worker.on('message', (response: HeicWorkerResponse) => {
      const job = slot.job;
      if (!job || job.id !== response.id) return;
      if (!response.ok && response.trap) void this.#release(slot)?.terminate();
      this.#finish(slot, response.id);
      if (response.ok) {
        job.resolve({ width: response.width, height: response.height, data: response.data });
      } else {
        job.reject(
          response.tooLarge
            ? new DecodeError('too_large', `HEIF ${response.message}`)
            : new HeicWorkerFailure(response.message, response.notes),
        );
      }
    });
    const crashed = (error: Error) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      this.#release(slot);
      if (job) {
        this.#finish(slot, job.id);
        job.reject(new HeicWorkerFailure(`the HEIF decoder stopped: ${error.message}`, []));
      }
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`worker exited with code ${code}`)));
    return worker;
  }

  /** Clears the slot's job and hands the slot to the next job, or starts its idle timer. */
  #finish(slot: Slot, id: number): void {
    if (slot.job?.id !== id) return;
    clearTimeout(slot.job.timer);
    slot.job = undefined;
    if (this.#closed) return;
    if (this.#queue.length > 0) {
      this.#dispatch();
      return;
    }
    const worker = slot.worker;
    if (worker) {
      worker.unref();
      slot.idleTimer = setTimeout(() => {
        if (slot.worker === worker && !slot.job) void this.#release(slot)?.terminate();
      }, this.#idleMs).unref();
    }
  }

  /** Detaches the slot's worker (so its exit is not taken for a crash) and returns it. */
  #release(slot: Slot): Worker | undefined {
    const worker = slot.worker;
    slot.worker = undefined;
    clearTimeout(slot.idleTimer);
    return worker;
  }
}
