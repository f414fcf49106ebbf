/**
 * Worker thread that decodes HEIC/HEIF with `heic-decode` (libheif in WebAssembly) for
 * {@link ./heic-decode.worker-pool.ts}. The decode is synchronous WebAssembly: on the main thread a hostile file could
 * block the event loop and an abort would poison the module for every later file; here the owner can terminate it.
 *
 * Messages in: {@link HeicWorkerRequest}; out: {@link HeicWorkerResponse}. libheif-js reports parse and decode errors
 * with `console.log`; they are captured as `notes` and sent back with the failure instead of reaching stdout.
 */
import { parentPort } from 'node:worker_threads';
import { format } from 'node:util';
import decode from 'heic-decode';

/** One decode: the file, which top-level image is the primary one, and the size the header promised. */
export interface HeicWorkerRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  /** Index of the primary item among the file's top-level images (ascending item id). */
  readonly primaryIndex: number;
  /** Size after `irot`/`imir`, from the container header, in pixels. */
  readonly expectedWidth: number;
  readonly expectedHeight: number;
  readonly maxPixels: number;
}

/**
 * The outcome: RGBA pixels, or what went wrong. `tooLarge` marks a refusal by the pixel limit; `trap` marks a failure
 * of the WebAssembly instance itself (abort, out-of-bounds access): the owner must not reuse this worker.
 */
export type HeicWorkerResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly width: number;
      readonly height: number;
      readonly data: Uint8Array;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly message: string;
      readonly notes: readonly string[];
      readonly tooLarge: boolean;
      readonly trap: boolean;
    };

const port = parentPort;
if (!port) throw new Error('heic-decode.worker must run in a worker thread');

const notes: string[] = [];
const capture = (...args: unknown[]): void => {
  const line = format(...args).replace(/\s+/g, ' ');
  // libheif-js logs its error objects whole; their `message` is the part worth keeping.
  notes.push((/message: '([^']*)'/.exec(line)?.[1] ?? line).slice(0, 300));
  if (notes.length > 20) notes.shift();
};
console.log = capture;
console.warn = capture;
console.error = capture;

class TooLarge extends Error {}

async function run(request: HeicWorkerRequest): Promise<HeicWorkerResponse> {
  const { id, bytes, primaryIndex, expectedWidth, expectedHeight, maxPixels } = request;
  notes.length = 0;
  try {
    const images = await decode.all({ buffer: bytes });
    try {
      const fits = (i: { width: number; height: number } | undefined) =>
        i !== undefined && i.width === expectedWidth && i.height === expectedHeight;
      const image = fits(images[primaryIndex]) ? images[primaryIndex] : images.find(fits);
      if (!image) {
        const listed = images.map((i) => `${i.width}×${i.height}`).join(', ');
        throw new Error(
          `libheif lists no image of the primary item's size ${expectedWidth}×${expectedHeight} (${listed})`,
        );
      }
      if (image.width * image.height > maxPixels) {
        throw new TooLarge(`the image is ${image.width}×${image.height}, over the ${maxPixels}-pixel limit`);
      }
      const decoded = await image.decode();
      const data = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
      return { id, ok: true, width: decoded.width, height: decoded.height, data };
    } finally {
      images.dispose();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const trap = (error instanceof Error && error.name === 'RuntimeError') || /\bAborted\(/.test(message);
    return { id, ok: false, message, notes: [...notes], tooLarge: error instanceof TooLarge, trap };
  }
}

port.on('message', (request: HeicWorkerRequest) => {
  void run(request).then((response) =>
    port.postMessage(response, response.ok ? [response.data.buffer as ArrayBuffer] : []),
  );
});
