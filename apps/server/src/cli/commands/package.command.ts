import { parseKeyPin, verifyPackageZip } from '../../services/evidence-package/package-verify.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const PACKAGE_USAGE = `proofdesk package verify <evidence-package.zip> [--key <public key | fingerprint>] [--json]

  Re-verifies an evidence package ZIP (downloaded from a claim's page or GET /api/v1/claims/{id}/evidence-package
  ?format=zip) without unpacking it: every file's SHA-256 and size against manifest.json, no file missing or
  unlisted, SHA256SUMS agreeing with the files, and manifest.sig being the Ed25519 signature of manifest.json under
  the key in signing-key.json. Prints "ok <claim id> <n> files, signed by key <fingerprint> (not pinned)", or the
  first problem named in Chinese and English. An unsigned package fails. The integrity alone can be checked
  without Proofdesk: unzip the package, then sha256sum -c SHA256SUMS.
  --key <key>             the merchant's package-signing key, received out of band: its raw Ed25519 public key
                          (base64 or base64url) or its fingerprint (32 hex digits, ":" every 4 optional);
                          a package signed by another key fails
  --json                  one JSON document: { "ok", "claimId"?, "files"?, "signedBy"?, "problem"?, "path"?, "text"? }
Exit status: 0 when the package verifies; 1 when it does not (or is not a readable ZIP); 2 for usage errors.`;

/** What the package command needs from the composition root. */
export interface PackageCommandDeps {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** `proofdesk package verify`: see {@link PACKAGE_USAGE}. Returns the exit status (0 verifies, 1 does not). */
export async function runPackage(args: readonly string[], deps: PackageCommandDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, key: { type: 'string' } },
  });
  const [sub, file, ...rest] = positionals;
  if (sub !== 'verify') throw new UsageError(`package needs the subcommand "verify"; got "${sub ?? ''}"`);
  if (!file || rest.length > 0) throw new UsageError('package verify needs exactly one ZIP file');
  const pin = values.key === undefined ? undefined : parseKeyPin(values.key);
  if (pin === null)
    throw new UsageError('--key needs a raw Ed25519 public key (base64 or base64url) or its 32-hex-digit fingerprint');
  const result = await verifyPackageZip(file, pin);
  if (values.json) deps.stdout.write(`${JSON.stringify(result)}\n`);
  else if (result.ok) {
    const { fingerprint, pinned } = result.signedBy;
    deps.stdout.write(
      `ok ${result.claimId} ${result.files} files, signed by key ${fingerprint} (${pinned ? 'pinned' : 'not pinned'})` +
        ` / 校验通过，共 ${result.files} 个文件，签名公钥 ${fingerprint}（${pinned ? '与指定公钥一致' : '未指定公钥'}）\n`,
    );
  } else deps.stderr.write(`proofdesk package verify: ${file}: ${result.text.zh} / ${result.text.en}\n`);
  return result.ok ? 0 : 1;
}
