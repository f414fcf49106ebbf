import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { C2paReader, C2paSummary } from '@proofdesk/forensics';
import { summariseManifestStore } from './c2pa-summary.js';
import type { C2paWorkerRequest, C2paWorkerResponse } from './c2pa-wasm.worker.js';

/** Options of {@link C2paWasmReader}. */
export interface C2paWasmReaderOptions {
  /**
   * PEM bundle of the trust anchors (root or intermediate CA certificates) a signer must chain to for a manifest to
   * be `trusted`. Without it no signer is trusted and the best outcome is `valid`.
   */
  readonly trustAnchorsPem?: string;
  /** Longest one read may take before the worker is terminated and the manifest reported unreadable. Default 10 s. */
  readonly timeoutMs?: number;
}

/** Default of {@link C2paWasmReaderOptions.timeoutMs}. */
export const C2PA_READ_TIMEOUT_MS = 10_000;

/** The part of the WebAssembly global used here (its types live in lib "dom", which this project does not load). */
declare const WebAssembly: { readonly Module: new (bytes: Uint8Array) => CompiledWasm };
/** A compiled `WebAssembly.Module`: opaque here, cloneable to workers. */
type CompiledWasm = object;

const require = createRequire(import.meta.url);
let compiled: CompiledWasm | undefined;

/** The c2pa-rs WebAssembly module, compiled once per process and shared by every worker. */
function wasmModule(): CompiledWasm {
  compiled ??= new WebAssembly.Module(readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')));
  return compiled;
}

/**
 * Parses a PEM bundle and returns it re-encoded, certificate by certificate.
 * @throws {TypeError} when the bundle holds no certificate or a block that is not a valid X.509 certificate
 */
export function normaliseTrustAnchors(pem: string): string {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw new TypeError('Expected trustAnchorsPem to hold at least one PEM certificate but found none');
  }
  return blocks
    .map((block, i) => {
      try {
        return new X509Certificate(block).toString();
      } catch (cause) {
        throw new TypeError(`Expected trustAnchorsPem certificate #${i + 1} to be a valid X.509 certificate`, {
          cause,
        });
      }
    })
    .join('');
}

/**
 * c2pa-rs settings: never touch the network (no OCSP, no remote manifests), check trust when anchors are given.
 * c2pa-wasm takes them as the `context_json` argument of `WasmReader.fromBytes`.
 */
function settingsJson(trustAnchorsPem: string | undefined): string {
  return JSON.stringify({
    verify: { verify_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
    ...(trustAnchorsPem ? { trust: { trust_anchors: normaliseTrustAnchors(trustAnchorsPem) } } : {}),
  });
}

/** A summary for a manifest store that could not be read at all. */
function unreadable(code: string, explanation: string): C2paSummary {
  return {
    manifestCount: 0,
    validationState: 'invalid',
    failures: [{ code, explanation }],
    informational: [],
  };
}

/** Maps an error c2pa-rs threw to `undefined` (no manifest) or a summary that says why it could not be read. */
export function summariseReadError(error: string): C2paSummary | undefined {
  if (error.includes('JumbfNotFound')) return undefined;
  const remote = /RemoteManifestUrl\("([^"]*)"\)/.exec(error);
  if (remote) {
    return {
      manifestCount: 0,
      validationState: 'well_formed',
      failures: [],
      informational: [
        {
          code: 'manifest.remote',
          url: remote[1]!,
          explanation: 'the manifest is stored remotely and was not fetched (no network access while checking)',
        },
      ],
    };
  }
  return unreadable('manifest.unreadable', error);
}

interface Pending {
  readonly request: C2paWorkerRequest;
  readonly resolve: (summary: C2paSummary | undefined) => void;
  readonly reject: (error: Error) => void;
}

/**
 * {@link C2paReader} backed by `@contentauth/c2pa-wasm` (the official c2pa-rs compiled to WebAssembly), run in a
 * worker thread one file at a time. A read that exceeds `timeoutMs` terminates the worker (the next read starts a
 * fresh one) and yields an `invalid` summary with code `manifest.timeout`. Never throws for bad manifests.
 *
 * @example
 * const reader = new C2paWasmReader({ trustAnchorsPem: readFileSync('anchors.pem', 'utf8') });
 * const summary = await reader.read(bytes, 'image/jpeg'); // undefined when the file has no manifest
 * await reader.close();
 */
export class C2paWasmReader implements C2paReader {
  readonly #settingsJson: string;
  readonly #timeoutMs: number;
  readonly #queue: Pending[] = [];
  #worker: Worker | undefined;
  #current: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  #nextId = 1;

  /** @throws {TypeError} when `trustAnchorsPem` is not a PEM bundle of valid certificates or `timeoutMs` ≤ 0 */
  constructor(options: C2paWasmReaderOptions = {}) {
    const timeoutMs = options.timeoutMs ?? C2PA_READ_TIMEOUT_MS;
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      throw new TypeError(`Expected timeoutMs to be a positive number of milliseconds but received ${timeoutMs}`);
    }
    this.#timeoutMs = timeoutMs;
    this.#settingsJson = settingsJson(options.trustAnchorsPem);
  }

  /** Reads and validates the manifest store. `undefined` when the file has none. */
  read(bytes: Uint8Array, mimeType: string): Promise<C2paSummary | undefined> {
    return new Promise((resolve, reject) => {
      // Copy: the bytes cross to the worker and the caller keeps its own.
      const request: C2paWorkerRequest = { id: this.#nextId++, mimeType, bytes: bytes.slice() };
      this.#queue.push({ request, resolve, reject });
      this.#pump();
    });
  }

  /** Terminates the worker. Reads still queued are rejected; the reader may be used again afterwards. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    const stranded = [...(this.#current ? [this.#current.pending] : []), ...this.#queue.splice(0)];
    if (this.#current) clearTimeout(this.#current.timer);
    this.#current = undefined;
    for (const p of stranded) p.reject(new Error('C2paWasmReader closed before the read finished'));
    if (worker) await worker.terminate();
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./c2pa-wasm.worker.js', import.meta.url), {
      workerData: { module: wasmModule(), settingsJson: this.#settingsJson },
    });
    worker.on('message', (response: C2paWorkerResponse) => this.#settle(worker, response));
    worker.on('error', (error) => this.#fail(worker, `worker error: ${error.message}`));
    worker.on('exit', (code) => this.#fail(worker, `worker exited with code ${code}`));
    worker.unref();
    return worker;
  }

  #pump(): void {
    if (this.#current) return;
    const pending = this.#queue.shift();
    if (!pending) {
      this.#worker?.unref();
      return;
    }
    const worker = (this.#worker ??= this.#spawn());
    worker.ref(); // keep the process alive while a read is in flight
    const timer = setTimeout(() => {
      this.#discard(worker);
      this.#finish(unreadable('manifest.timeout', `validation took longer than ${this.#timeoutMs} ms and was stopped`));
    }, this.#timeoutMs);
    this.#current = { pending, timer };
    worker.postMessage(pending.request);
  }

  #settle(worker: Worker, response: C2paWorkerResponse): void {
    if (worker !== this.#worker || response.id !== this.#current?.pending.request.id) return;
    if (response.ok) {
      let summary: C2paSummary;
      try {
        summary = summariseManifestStore(JSON.parse(response.json));
      } catch (error) {
        summary = unreadable('manifest.unreadable', `manifest store JSON: ${String(error)}`);
      }
      this.#finish(summary);
      return;
    }
    if (response.trap) this.#discard(worker);
    this.#finish(summariseReadError(response.error));
  }

  #fail(worker: Worker, message: string): void {
    if (worker !== this.#worker) return;
    this.#worker = undefined;
    if (this.#current) this.#finish(unreadable('manifest.unreadable', message));
  }

  /** Stops a worker whose WebAssembly state can no longer be trusted (timed out or trapped). */
  #discard(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
    void worker.terminate();
  }

  #finish(summary: C2paSummary | undefined): void {
    const current = this.#current;
    if (!current) return;
    clearTimeout(current.timer);
    this.#current = undefined;
    current.pending.resolve(summary);
    this.#pump();
  }
}
