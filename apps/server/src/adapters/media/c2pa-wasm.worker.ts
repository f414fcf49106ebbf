/**
 * Worker thread that runs c2pa-rs (WebAssembly) for {@link ../c2pa-wasm.c2pa-reader.ts}. Validation is synchronous
 * WebAssembly work: on the main thread a hostile file could block the event loop, here the owner can terminate it.
 *
 * `workerData`: `{ module: WebAssembly.Module, settingsJson: string }`. Messages in: {@link C2paWorkerRequest};
 * out: {@link C2paWorkerResponse}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';

/** One read: the asset's MIME type and bytes. */
export interface C2paWorkerRequest {
  readonly id: number;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * The outcome: the manifest store's JSON, or the error c2pa-rs threw (`C2pa(JumbfNotFound)`…). `trap` is true when
 * the WebAssembly instance itself failed (a Rust panic): the owner must not reuse this worker.
 */
export type C2paWorkerResponse =
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly trap: boolean };

/** The part of the WebAssembly global used here (its types live in lib "dom", which this project does not load). */
declare const WebAssembly: { readonly RuntimeError: new () => Error };

const port = parentPort;
if (!port) throw new Error('c2pa-wasm.worker must run in a worker thread');
const { module, settingsJson } = workerData as { module: object; settingsJson: string };
initSync({ module });

port.on('message', (request: C2paWorkerRequest) => {
  void read(request).then((response) => port.postMessage(response));
});

async function read({ id, mimeType, bytes }: C2paWorkerRequest): Promise<C2paWorkerResponse> {
  try {
    const reader = await WasmReader.fromBytes(mimeType, bytes, settingsJson);
    try {
      return { id, ok: true, json: reader.json() };
    } finally {
      reader.free();
    }
  } catch (error) {
    // c2pa-wasm throws its errors as plain strings; a trap is a WebAssembly.RuntimeError.
    const trap = error instanceof WebAssembly.RuntimeError;
    return { id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), trap };
  }
}
