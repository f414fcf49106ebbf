/** Decode limits that defuse decompression bombs and oversized uploads. */
export interface DecodeLimits {
  /** Largest accepted file, in bytes. Default 50 MB. */
  readonly maxBytes: number;
  /** Largest accepted image, in pixels (width × height as stored). Default 100 MP. */
  readonly maxPixels: number;
  /** Longest a single decode may take, in milliseconds. Default 20 s. */
  readonly decodeTimeoutMs: number;
}

export const DEFAULT_LIMITS: DecodeLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPixels: 100_000_000,
  decodeTimeoutMs: 20_000,
};
