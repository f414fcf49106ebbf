import { availableParallelism } from 'node:os';
import type { DecodeLimits, ForensicPorts } from '@proofdesk/forensics';
import { C2paWasmReader } from './c2pa-wasm.c2pa-reader.js';
import { ExifrMetadataReader } from './exifr.metadata-reader.js';
import { SharpImageDecoder } from './sharp.image-decoder.js';
import { defaultSignalWorkers, SignalWorkerPool } from './signal-runner.worker-pool.js';

/** The forensic ports wired to their real adapters, with a `close()` that stops their worker threads. */
export interface ClosableForensicPorts extends ForensicPorts {
  /** Starts the signal workers now (otherwise the first checks start them and run their signals themselves). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link createForensicPorts}. */
export interface ForensicPortsOptions {
  /** PEM bundle of C2PA trust anchors; without it the best C2PA outcome is `valid`, never `trusted`. */
  readonly c2paTrustAnchorsPem?: string;
  /**
   * Worker threads for the tamper analyses, which then run beside the rest of each check
   * (docs/adr/0020-check-on-two-threads.md). Default: one less than the cores available; 0 on a single core, where
   * every signal runs on the calling thread.
   */
  readonly signalWorkers?: number;
}

/**
 * Wires sharp (+ heic-decode), exifr and c2pa-wasm into the ports the forensic core needs.
 * @example
 * const ports = createForensicPorts(DEFAULT_LIMITS);
 * try { await checkPhoto(input, ports); } finally { await ports.close(); }
 */
export function createForensicPorts(limits: DecodeLimits, options: ForensicPortsOptions = {}): ClosableForensicPorts {
  const decoder = new SharpImageDecoder({ timeoutMs: limits.decodeTimeoutMs });
  const c2pa = new C2paWasmReader({
    timeoutMs: limits.decodeTimeoutMs,
    ...(options.c2paTrustAnchorsPem ? { trustAnchorsPem: options.c2paTrustAnchorsPem } : {}),
  });
  const workers = options.signalWorkers ?? (availableParallelism() > 1 ? defaultSignalWorkers() : 0);
  const signalRunner =
    workers > 0 ? new SignalWorkerPool({ size: workers, decodeTimeoutMs: limits.decodeTimeoutMs }) : undefined;
  return {
    decoder,
    metadata: new ExifrMetadataReader(),
    c2pa,
    ...(signalRunner ? { signalRunner } : {}),
    async warm() {
      await signalRunner?.warm();
    },
    async close() {
      await Promise.all([decoder.close(), c2pa.close(), signalRunner?.close()]);
    },
  };
}
