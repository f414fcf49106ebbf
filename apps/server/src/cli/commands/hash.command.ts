import type { ForensicPorts, Lang } from '@proofdesk/forensics';
import type { Config } from '../../config.js';
import { expandPaths } from '../../services/photo-check.service.js';
import { hashFiles, type FileHashFailure } from '../../services/photo-hash.service.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const HASH_USAGE = `proofdesk hash <photo|dir>... [--concurrency <n>] [--lang zh|en]

  Prints the PDQ perceptual hash of each photo (Meta's algorithm, as its reference hasher computes it), one line
  per photo, in the order given: <64 hex digits>\\t<quality 0..100>\\t<path>. Folders expand to their files (not
  recursively). Quality below 50 means a flat or featureless picture whose hash says little.
  --concurrency <n>       photos hashed at once (default: 2)
  --lang zh|en            language of error lines (default: from the locale, zh-CN otherwise)
Exit status: 0 when every photo was hashed; 1 when any could not be (each one named on stderr, with why);
2 for usage errors. The same byte and pixel limits as check apply (PROOFDESK_MAX_BYTES, PROOFDESK_MAX_PIXELS).`;

/** What the hash command needs from the composition root. */
export interface HashCommandDeps {
  readonly ports: ForensicPorts;
  readonly config: Config;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
}

const REASONS: Record<FileHashFailure['reason'], { zh: string; en: string }> = {
  unreadable: { zh: '无法读取文件', en: 'cannot read the file' },
  unsupported: { zh: '不支持的格式', en: 'unsupported format' },
  truncated: { zh: '文件被截断', en: 'the file is truncated' },
  corrupt: { zh: '文件已损坏', en: 'the file is corrupt' },
  too_large: { zh: '超出大小限制', en: 'over the size limits' },
  timeout: { zh: '解码超时', en: 'decoding timed out' },
};

/** One stderr line naming the file and why it could not be hashed. */
export function hashErrorLine(file: string, failure: Pick<FileHashFailure, 'reason' | 'message'>, lang: Lang): string {
  const reason = REASONS[failure.reason][lang];
  return lang === 'zh'
    ? `proofdesk hash：${file}：${reason}，未能计算哈希（${failure.message}）\n`
    : `proofdesk hash: ${file}: ${reason}, not hashed (${failure.message})\n`;
}

/** `proofdesk hash`: see {@link HASH_USAGE}. Returns the exit status (0 all hashed, 1 some failed). */
export async function runHash(args: readonly string[], deps: HashCommandDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: { concurrency: { type: 'string' }, lang: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('hash needs at least one photo or folder');
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh or en; got "${values.lang}"`);
  }
  const lang: Lang = values.lang ?? deps.config.lang;
  const concurrency = values.concurrency === undefined ? 2 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be an integer from 1 to 64; got "${values.concurrency}"`);
  }
  const files = await expandPaths(positionals);
  if (files.length === 0) throw new UsageError(`no files found in: ${positionals.join(', ')}`);

  let failed = 0;
  await hashFiles(files, deps.ports, { limits: deps.config.limits, concurrency }, (result) => {
    if (result.ok) {
      deps.stdout.write(`${result.hash}\t${result.quality}\t${result.file}\n`);
    } else {
      failed++;
      deps.stderr.write(hashErrorLine(result.file, result, lang));
    }
  });
  return failed > 0 ? 1 : 0;
}
