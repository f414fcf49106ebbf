import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import type { PackageSigner } from './package-signing.js';

/** What a file of the package is. */
export type PackageFileRole =
  'pdf' | 'evidence' | 'counter_evidence' | 'reference' | 'report' | 'audit' | 'readme' | 'signing_key';

/** One file to put in the ZIP; its bytes are read only when the writer reaches it. */
export interface PackageEntry {
  readonly path: string;
  readonly role: PackageFileRole;
  /** Already-compressed content (photos, the PDF) is stored, text deflated. */
  readonly compress: boolean;
  /** The evidence or reference photo id, for originals. */
  readonly sourceId?: string;
  bytes(): Promise<Uint8Array>;
}

/** A file as the manifest lists it. */
export interface ManifestFile {
  readonly path: string;
  readonly role: PackageFileRole;
  readonly bytes: number;
  readonly sha256: string;
  readonly sourceId?: string;
}

/** `manifest.json`: every other file's path, size and SHA-256, and what the package is about. */
export interface PackageManifest {
  readonly format: 'proofdesk-evidence-package/1' | 'proofdesk-evidence-package/2';
  readonly claimId: string;
  readonly workspaceId: string;
  readonly generatedAt: string;
  readonly lang: string;
  readonly auditChain: {
    readonly ok: boolean;
    readonly checked: number;
    readonly headSeq: number;
    readonly headHash: string;
  };
  /** Originals that could not be read when the package was made (their blob is missing). */
  readonly missing: readonly {
    readonly role: PackageFileRole;
    readonly id: string;
    readonly sha256: string;
    readonly filename: string;
  }[];
  readonly files: readonly ManifestFile[];
}

export const MANIFEST_PATH = 'manifest.json';
export const SUMS_PATH = 'SHA256SUMS';
/** The Ed25519 signature (base64) of the exact bytes of `manifest.json`. */
export const SIGNATURE_PATH = 'manifest.sig';
/** The signing key's public half and fingerprint ({@link PackageSigningKeyFile}); listed in the manifest. */
export const SIGNING_KEY_PATH = 'signing-key.json';

/** `signing-key.json`. */
export interface PackageSigningKeyFile {
  readonly algorithm: 'Ed25519';
  readonly publicKey: string;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
  readonly workspaceId: string;
  readonly signs: typeof MANIFEST_PATH;
  readonly signature: typeof SIGNATURE_PATH;
}

/**
 * Streams the package ZIP: the entries in order (each read, hashed and written before the next is read, so one
 * original at a time is in memory), then `manifest.json` listing them with their SHA-256, then `SHA256SUMS` over
 * every file including the manifest (`sha256sum -c SHA256SUMS` checks it). The hashes are of the bytes written.
 * With a signer, `signing-key.json` (listed in the manifest) goes before the manifest and `manifest.sig`, the
 * signature of the manifest's exact bytes, after it; both are in `SHA256SUMS`.
 * @param manifestHead the manifest's fields other than `files`
 * @returns the ZIP as a stream; it errors if an entry cannot be read
 */
export function writePackageZip(
  entries: readonly PackageEntry[],
  manifestHead: Omit<PackageManifest, 'files'>,
  mtime: Date,
  signer?: PackageSigner,
): Readable {
  const zip = new yazl.ZipFile();
  const files: ManifestFile[] = [];
  const out = new PassThrough();
  const lazy = (path: string, compress: boolean, produce: () => Promise<Uint8Array>) =>
    zip.addReadStreamLazy(path, { compress, mtime, mode: 0o100644 }, (cb) => {
      produce().then(
        (bytes) => cb(null, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])),
        (error: unknown) => {
          out.destroy(error instanceof Error ? error : new Error(String(error)));
          cb(error, Readable.from([]));
        },
      );
    });
  for (const entry of entries)
    lazy(entry.path, entry.compress, async () => {
      const bytes = await entry.bytes();
      files.push({
        path: entry.path,
        role: entry.role,
        bytes: bytes.byteLength,
        sha256: sha256(bytes),
        ...(entry.sourceId ? { sourceId: entry.sourceId } : {}),
      });
      return bytes;
    });
  if (signer) {
    const keyFile: PackageSigningKeyFile = {
      algorithm: signer.key.algorithm,
      publicKey: signer.key.publicKey,
      publicKeyPem: signer.key.publicKeyPem,
      fingerprint: signer.key.fingerprint,
      workspaceId: manifestHead.workspaceId,
      signs: MANIFEST_PATH,
      signature: SIGNATURE_PATH,
    };
    const bytes = Buffer.from(`${JSON.stringify(keyFile, null, 2)}\n`, 'utf8');
    lazy(SIGNING_KEY_PATH, true, () => {
      files.push({ path: SIGNING_KEY_PATH, role: 'signing_key', bytes: bytes.byteLength, sha256: sha256(bytes) });
      return Promise.resolve(bytes);
    });
  }
  let manifestBytes = Buffer.alloc(0);
  let signatureBytes = Buffer.alloc(0);
  lazy(MANIFEST_PATH, true, () => {
    const manifest: PackageManifest = { ...manifestHead, files };
    manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    return Promise.resolve(manifestBytes);
  });
  if (signer)
    lazy(SIGNATURE_PATH, true, () => {
      signatureBytes = Buffer.from(`${signer.sign(manifestBytes)}\n`, 'ascii');
      return Promise.resolve(signatureBytes);
    });
  lazy(SUMS_PATH, true, () => {
    const lines = [
      ...files.map((f) => `${f.sha256}  ${f.path}`),
      `${sha256(manifestBytes)}  ${MANIFEST_PATH}`,
      ...(signer ? [`${sha256(signatureBytes)}  ${SIGNATURE_PATH}`] : []),
    ];
    return Promise.resolve(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  });
  zip.end();
  (zip.outputStream as Readable).on('error', (e: Error) => out.destroy(e)).pipe(out);
  return out;
}

/** Lower-case hex SHA-256. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file name safe inside the ZIP and in `SHA256SUMS`: letters (any script), digits, `.`, `_` and `-` kept, the rest
 * `_`, at most 80 characters, never empty or a dot name.
 */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(-80)
    .replace(/^[._]+/, '');
  return cleaned === '' ? 'file' : cleaned;
}
