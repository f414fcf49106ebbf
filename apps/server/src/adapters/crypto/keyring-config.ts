import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ContactKeyring } from './aes-gcm.contact-cipher.js';
import { fsyncDir } from '../system/fsync-dir.js';

/** The keys that protect buyer data: the contact keyring and the HMAC master key. */
export interface BuyerDataKeys {
  readonly contactKeys: ContactKeyring;
  readonly hmacKey: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeKey(text: string, what: string, minBytes: number, maxBytes: number): Buffer {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) throw new TypeError(`${what} is not base64`);
  const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  if (key.length < minBytes || key.length > maxBytes)
    throw new TypeError(
      `${what} must decode to ${minBytes === maxBytes ? minBytes : `${minBytes}–${maxBytes}`} bytes, got ${key.length}`,
    );
  return key;
}

/**
 * Parses `PROOFDESK_CONTACT_KEYS`: comma-separated `<keyId>:<base64 of 32 bytes>` entries; the first is the current
 * key, the others still open older data.
 * @example parseContactKeys('k2:…,k1:…') // { currentKeyId: 'k2', keys: { k2: <Buffer>, k1: <Buffer> } }
 * @throws {TypeError} naming the bad entry (never the key material)
 */
export function parseContactKeys(text: string): ContactKeyring {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new TypeError('PROOFDESK_CONTACT_KEYS lists no key');
  const keys: Record<string, Buffer> = {};
  let currentKeyId: string | undefined;
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    if (!KEY_ID.test(id))
      throw new TypeError(`PROOFDESK_CONTACT_KEYS entry ${index + 1} must be <keyId>:<base64>, keyId ${KEY_ID.source}`);
    if (Object.hasOwn(keys, id)) throw new TypeError(`PROOFDESK_CONTACT_KEYS names key "${id}" twice`);
    keys[id] = decodeKey(entry.slice(colon + 1), `PROOFDESK_CONTACT_KEYS key "${id}"`, 32, 32);
    currentKeyId ??= id;
  });
  return { currentKeyId: currentKeyId!, keys };
}

/**
 * Parses `PROOFDESK_HMAC_KEY`: base64 of 32 to 64 bytes.
 * @throws {TypeError} when it is not base64 or has the wrong length
 */
export function parseHmacKey(text: string): Buffer {
  return decodeKey(text, 'PROOFDESK_HMAC_KEY', 32, 64);
}

/** The contact keyring as `PROOFDESK_CONTACT_KEYS` text, current key first. */
export function formatContactKeys(keyring: ContactKeyring): string {
  const ids = [keyring.currentKeyId, ...Object.keys(keyring.keys).filter((id) => id !== keyring.currentKeyId)];
  return ids.map((id) => `${id}:${keyring.keys[id]!.toString('base64')}`).join(',');
}

interface KeyFile {
  readonly contactKeys: string;
  readonly hmacKey: string;
}

/**
 * The embedded mode's keys when the environment gives none: reads `<data>/keys.json`, or creates it once with a new
 * random contact key (`k1`) and HMAC key. The file is written with mode 0600 to a temp file, fsynced, and linked into
 * place, so two processes starting together end up with the same keys (the second reads what the first wrote). A file
 * found readable by group or others is narrowed to 0600.
 *
 * Losing this file makes stored contact data unreadable and buyer identities unrecognisable: back it up with the
 * database, and keep it out of the database's backups' reach.
 * @throws {TypeError} when an existing file is not valid JSON of `{ contactKeys, hmacKey }` in the env formats
 */
export async function loadOrCreateKeyFile(path: string): Promise<BuyerDataKeys> {
  const existing = await readKeyFile(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true });
  const content: KeyFile = {
    contactKeys: `k1:${randomBytes(32).toString('base64')}`,
    hmacKey: randomBytes(32).toString('base64'),
  };
  const tmpPath = join(dirname(path), `.keys-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tmpPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  try {
    await file.writeFile(`${JSON.stringify(content, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await link(tmpPath, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(tmpPath, { force: true });
  }
  await fsyncDir(dirname(path));
  const created = await readKeyFile(path);
  if (!created) throw new Error(`Key file ${path} vanished after it was created`);
  return created;
}

async function readKeyFile(path: string): Promise<BuyerDataKeys | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError(`Key file ${path} is not valid JSON`);
  }
  const { contactKeys, hmacKey } = (parsed ?? {}) as Partial<Record<keyof KeyFile, unknown>>;
  if (typeof contactKeys !== 'string' || typeof hmacKey !== 'string')
    throw new TypeError(`Key file ${path} must hold {"contactKeys": "<id>:<base64>,…", "hmacKey": "<base64>"}`);
  return { contactKeys: parseContactKeys(contactKeys), hmacKey: parseHmacKey(hmacKey) };
}

/**
 * The keys the server runs with: what the configuration gives wins; whatever it leaves out comes from
 * {@link loadOrCreateKeyFile} at `keyFilePath` (the file is touched only when something is missing).
 */
export async function resolveBuyerDataKeys(
  configured: { readonly contactKeys?: ContactKeyring; readonly hmacKey?: Buffer },
  keyFilePath: string,
): Promise<BuyerDataKeys> {
  if (configured.contactKeys && configured.hmacKey)
    return { contactKeys: configured.contactKeys, hmacKey: configured.hmacKey };
  const file = await loadOrCreateKeyFile(keyFilePath);
  return { contactKeys: configured.contactKeys ?? file.contactKeys, hmacKey: configured.hmacKey ?? file.hmacKey };
}
