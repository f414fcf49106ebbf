import { availableParallelism } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckOutput, ForensicPorts, Lang, PreparedReference } from '@proofdesk/forensics';
import { makeThumbnail } from '../../adapters/media/sharp.thumbnailer.js';
import type { Config } from '../../config.js';
import { checkFiles, expandPaths } from '../../services/photo-check.service.js';
import { prepareReferenceFiles } from '../../services/reference-set.service.js';
import { ProgressBar } from '../progress.js';
import { renderHtmlReport, type Thumbnail } from '../render/html-report.js';
import { renderHuman } from '../render/human.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const CHECK_USAGE = `proofdesk check <photo|dir>... [--ref <file|dir>]... [--delivered-at <ISO time>] [--json] [--html <file>] [--lang zh|en]

  Checks photos for AI generation, provenance, metadata and tamper signals.
  --ref <file|dir>        merchant listing / packing photos to match against (repeatable)
  --delivered-at <time>   when the parcel was delivered (ISO 8601 with offset, e.g. 2026-05-01T15:00:00+08:00)
  --json                  print one JSON document { "reports": [...] }
  --html <file>           also write a self-contained HTML report
  --lang zh|en            language of the text output (default: from the locale, zh-CN otherwise)
  --concurrency <n>       photos checked at once (default: the number of cores)
Exit status: 0 whatever the verdicts; 2 for usage errors.`;

/** What the check command needs from the composition root. */
export interface CheckCommandDeps {
  readonly ports: ForensicPorts;
  readonly config: Config;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly now: () => Date;
}

function parseDeliveredAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // Require an explicit offset or Z: a bare local time would be read in the machine's zone, silently.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    throw new UsageError(
      `--delivered-at must be an ISO 8601 time with an offset, e.g. 2026-05-01T15:00:00+08:00; got "${value}"`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--delivered-at is not a valid time: "${value}"`);
  return date;
}

/** `proofdesk check`: see {@link CHECK_USAGE}. Returns the exit status. */
export async function runCheck(args: readonly string[], deps: CheckCommandDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ref: { type: 'string', multiple: true },
      'delivered-at': { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      lang: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('check needs at least one photo or folder');
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh or en; got "${values.lang}"`);
  }
  const lang: Lang = values.lang ?? deps.config.lang;
  const deliveredAt = parseDeliveredAt(values['delivered-at']);
  const concurrency = values.concurrency === undefined ? availableParallelism() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be an integer from 1 to 64; got "${values.concurrency}"`);
  }
  let references: PreparedReference[] = [];
  if (values.ref?.length) {
    const prepared = await prepareReferenceFiles(values.ref, deps.ports, deps.config.limits);
    for (const skip of prepared.skipped) {
      deps.stderr.write(
        lang === 'zh'
          ? `proofdesk: 参考图 ${skip.file} 无法使用，已跳过：${skip.message}\n`
          : `proofdesk: reference ${skip.file} skipped: ${skip.message}\n`,
      );
    }
    if (prepared.references.length === 0) {
      throw new UsageError(`no usable reference photo in: ${values.ref.join(', ')}`);
    }
    references = prepared.references;
  }

  const files = await expandPaths(positionals);
  if (files.length === 0) throw new UsageError(`no files found in: ${positionals.join(', ')}`);
  const progress = new ProgressBar(deps.stderr, deps.config.interactive && files.length > 3);
  const reports = await checkFiles(files, deps.ports, {
    limits: deps.config.limits,
    concurrency,
    ...(deliveredAt ? { deliveredAt } : {}),
    references,
    onProgress: (done, total, report) => progress.update(done, total, report.file),
  });
  progress.finish();

  if (values.json) {
    const output: CheckOutput = { reports };
    deps.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    deps.stdout.write(renderHuman(reports, lang, deps.config.interactive));
  }
  if (values.html) {
    const thumbnails = await Promise.all(
      files.map(async (file, i) => {
        if (reports[i]!.verdict === 'error' && reports[i]!.width === 0) return undefined;
        const bytes = await readFile(file).catch(() => undefined);
        return bytes ? makeThumbnail(bytes, deps.ports.decoder, deps.config.limits.maxPixels) : undefined;
      }),
    );
    const referenceThumbnails = new Map<string, Thumbnail>();
    const derivedFrom = new Set(
      reports.flatMap((r) => r.findings.filter((f) => f.code === 'reference.derived_from_listing' && f.ref)),
    );
    for (const finding of derivedFrom) {
      const file = finding.ref!.file;
      if (referenceThumbnails.has(file)) continue;
      const bytes = await readFile(file).catch(() => undefined);
      const thumb = bytes && (await makeThumbnail(bytes, deps.ports.decoder, deps.config.limits.maxPixels, 240));
      if (thumb) referenceThumbnails.set(file, thumb);
    }
    await mkdir(dirname(values.html), { recursive: true });
    await writeFile(values.html, renderHtmlReport(reports, thumbnails, lang, deps.now(), referenceThumbnails));
  }
  return 0;
}
