import { verifyPackageZip } from '../../services/evidence-package/package-verify.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const PACKAGE_USAGE = `proofdesk package verify <evidence-package.zip> [--json]

  Re-verifies an evidence package ZIP (downloaded from a claim's page or GET /api/v1/claims/{id}/evidence-package
  ?format=zip) without unpacking it: every file's SHA-256 and size against manifest.json, no file missing or
  unlisted, and SHA256SUMS agreeing with the files. Prints "ok <claim id> <n> files", or the first mismatch named in
  Chinese and English. Anyone can do the same with: unzip the package, then sha256sum -c SHA256SUMS.
  --json                  one JSON document: { "ok", "claimId"?, "files"?, "problem"?, "path"?, "text"? }
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
    options: { json: { type: 'boolean' } },
  });
  const [sub, file, ...rest] = positionals;
  if (sub !== 'verify') throw new UsageError(`package needs the subcommand "verify"; got "${sub ?? ''}"`);
  if (!file || rest.length > 0) throw new UsageError('package verify needs exactly one ZIP file');
  const result = await verifyPackageZip(file);
  if (values.json) deps.stdout.write(`${JSON.stringify(result)}\n`);
  else if (result.ok)
    deps.stdout.write(`ok ${result.claimId} ${result.files} files / 校验通过，共 ${result.files} 个文件\n`);
  else deps.stderr.write(`proofdesk package verify: ${file}: ${result.text.zh} / ${result.text.en}\n`);
  return result.ok ? 0 : 1;
}
