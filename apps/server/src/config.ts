import { DEFAULT_LIMITS, type DecodeLimits, type Lang } from '@proofdesk/forensics';
import type { ContactKeyring } from './adapters/crypto/aes-gcm.contact-cipher.js';
import { parseContactKeys, parseHmacKey } from './adapters/crypto/keyring-config.js';

/** Settings read from the environment, once, at start-up. The only module that reads `process.env`. */
export interface Config {
  readonly limits: DecodeLimits;
  /** The language for human-readable output when `--lang` is not given: from the locale, zh-CN by default. */
  readonly lang: Lang;
  /** Path of a PEM bundle of C2PA trust anchors (`PROOFDESK_C2PA_TRUST_ANCHORS`); without it no signer is `trusted`. */
  readonly c2paTrustAnchorsPath?: string;
  /** Whether stderr is an interactive terminal (progress bar, colours). */
  readonly interactive: boolean;
  /** Keys for buyer contact data (`PROOFDESK_CONTACT_KEYS`); absent → embedded mode keeps them in `<data>/keys.json`. */
  readonly contactKeys?: ContactKeyring;
  /** HMAC master key for buyer identities and phone lookups (`PROOFDESK_HMAC_KEY`); absent → `<data>/keys.json`. */
  readonly hmacKey?: Buffer;
  /** Server log level (`PROOFDESK_LOG_LEVEL`: fatal, error, warn, info, debug, trace or silent; default info). */
  readonly logLevel: LogLevel;
  /** API requests per minute per credential (or per IP without one) (`PROOFDESK_RATE_LIMIT_PER_MINUTE`, default 600). */
  readonly rateLimitPerMinute: number;
  /** Trust `X-Forwarded-*` from a reverse proxy (`PROOFDESK_TRUST_PROXY=true`; default false). */
  readonly trustProxy: boolean;
  /** Mark the session cookie Secure even when the request looks like plain HTTP (`PROOFDESK_SECURE_COOKIES=true`). */
  readonly secureCookies: boolean;
  /**
   * `proofdesk serve` runs on a clock that browser journeys move forward through `/api/v1/test-clock/advance`
   * (`PROOFDESK_TEST_CLOCK=1`; for tests only, default off: without it the route does not exist).
   */
  readonly testClock: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown when environment variables are invalid; lists every bad variable at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    problems.push(`${name} must be a positive integer, got "${raw}"`);
    return fallback;
  }
  return value;
}

/**
 * The language of a POSIX locale: `zh_*` → zh, any other named language → en, unset/`C`/`POSIX` → zh (the
 * product's first language).
 * @example langFromLocale('en_US.UTF-8') // 'en'
 */
export function langFromLocale(locale: string | undefined): Lang {
  const value = (locale ?? '').trim();
  if (value === '' || value === 'C' || value === 'POSIX' || value.startsWith('C.')) return 'zh';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Parses the configuration from an environment (default `process.env`).
 *
 * - `PROOFDESK_MAX_BYTES`: largest accepted file in bytes (default 52428800, 50 MB)
 * - `PROOFDESK_MAX_PIXELS`: largest accepted image in pixels (default 100000000)
 * - `PROOFDESK_DECODE_TIMEOUT_MS`: longest single decode (default 20000)
 * - `PROOFDESK_C2PA_TRUST_ANCHORS`: path of a PEM bundle of C2PA trust anchors (default: none)
 * - `PROOFDESK_CONTACT_KEYS`: `<keyId>:<base64 32 bytes>,…`, the first current (default: `<data>/keys.json`)
 * - `PROOFDESK_HMAC_KEY`: base64 of 32–64 bytes (default: `<data>/keys.json`)
 * - `PROOFDESK_LOG_LEVEL`: server log level (default info)
 * - `PROOFDESK_RATE_LIMIT_PER_MINUTE`: API requests per minute per credential or IP (default 600)
 * - `PROOFDESK_TRUST_PROXY`, `PROOFDESK_SECURE_COOKIES`: `true` or `false` (default false) behind a TLS proxy
 * - `PROOFDESK_TEST_CLOCK`: `1` only for browser journeys: a clock they move forward (default off)
 * - `LC_ALL` / `LC_MESSAGES` / `LANG`: output language when `--lang` is not given
 * @throws {ConfigError} listing every invalid variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stderrIsTty = Boolean(process.stderr.isTTY)): Config {
  const problems: string[] = [];
  const limits: DecodeLimits = {
    maxBytes: positiveInteger(env, 'PROOFDESK_MAX_BYTES', DEFAULT_LIMITS.maxBytes, problems),
    maxPixels: positiveInteger(env, 'PROOFDESK_MAX_PIXELS', DEFAULT_LIMITS.maxPixels, problems),
    decodeTimeoutMs: positiveInteger(env, 'PROOFDESK_DECODE_TIMEOUT_MS', DEFAULT_LIMITS.decodeTimeoutMs, problems),
  };
  const contactKeys = parseOptional(env, 'PROOFDESK_CONTACT_KEYS', parseContactKeys, problems);
  const hmacKey = parseOptional(env, 'PROOFDESK_HMAC_KEY', parseHmacKey, problems);
  const rateLimitPerMinute = positiveInteger(env, 'PROOFDESK_RATE_LIMIT_PER_MINUTE', 600, problems);
  const trustProxy = flag(env, 'PROOFDESK_TRUST_PROXY', problems);
  const secureCookies = flag(env, 'PROOFDESK_SECURE_COOKIES', problems);
  const testClock = flag(env, 'PROOFDESK_TEST_CLOCK', problems);
  const logLevel = env.PROOFDESK_LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`PROOFDESK_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const anchors = env.PROOFDESK_C2PA_TRUST_ANCHORS;
  return {
    limits,
    lang: langFromLocale(locale),
    interactive: stderrIsTty && env.CI !== 'true',
    logLevel: logLevel as LogLevel,
    rateLimitPerMinute,
    trustProxy,
    secureCookies,
    testClock,
    ...(anchors ? { c2paTrustAnchorsPath: anchors } : {}),
    ...(contactKeys ? { contactKeys } : {}),
    ...(hmacKey ? { hmacKey } : {}),
  };
}

function parseOptional<T>(
  env: NodeJS.ProcessEnv,
  name: string,
  parse: (text: string) => T,
  problems: string[],
): T | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return parse(raw);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : `${name} is invalid`);
    return undefined;
  }
}

function flag(env: NodeJS.ProcessEnv, name: string, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return false;
}
