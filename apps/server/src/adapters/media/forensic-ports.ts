import type { DecodeLimits, ForensicPorts } from '@proofdesk/forensics';
import { C2paWasmReader } from './c2pa-wasm.c2pa-reader.js';
import { ExifrMetadataReader } from './exifr.metadata-reader.js';
import { SharpImageDecoder } from './sharp.image-decoder.js';

/** The forensic ports wired to their real adapters, with a `close()` that stops their worker threads. */
export interface ClosableForensicPorts extends ForensicPorts {
  close(): Promise<void>;
}

/** Options of {@link createForensicPorts}. */
export interface ForensicPortsOptions {
  /** PEM bundle of C2PA trust anchors; without it the best C2PA outcome is `valid`, never `trusted`. */
  readonly c2paTrustAnchorsPem?: string;
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
  return {
    decoder,
    metadata: new ExifrMetadataReader(),
    c2pa,
    async close() {
      await Promise.all([decoder.close(), c2pa.close()]);
    },
  };
}
