/**
 * Writes the synthetic fixtures into `fixtures/synthetic/` (or `--out <dir>`) from the committed real photos in
 * `fixtures/camera` and `fixtures/listing`, checks with exifr (and a PNG chunk walk) that every tag landed, and
 * writes `manifest.json`. Deterministic: running it twice gives byte-identical files (a test checks this against
 * the committed ones). Phone and desktop screenshots need Debian's Chromium (`/usr/bin/chromium`); without it they
 * are skipped with a message and the committed PNGs stay.
 *
 * Run: `npm run fixtures` (builds first). Options: `--out <dir>`, `--no-chromium`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capturePages, chromiumAvailable, CHROMIUM_PATH } from './fixtures/chromium-capture.js';
import { METADATA_VARIANTS } from './fixtures/metadata-variants.js';
import { PIXEL_VARIANTS, screenshotVariants } from './fixtures/pixel-variants.js';
import type { Variant, VariantContext } from './fixtures/variant.js';
import { fixturePath } from '../testing/paths.js';

/** Options of one run. */
export interface MakeFixturesOptions {
  /** Output directory (default `fixtures/synthetic`). */
  readonly outDir?: string;
  /** Render the Chromium screenshots (default: when Chromium is installed). */
  readonly chromium?: boolean;
  /** Progress output (default `console.log`). */
  readonly log?: (line: string) => void;
}

/** What a run wrote and skipped. */
export interface MakeFixturesResult {
  readonly written: readonly string[];
  readonly skipped: readonly string[];
}

/** The committed synthetic fixtures directory. */
export const SYNTHETIC_DIR = fixturePath('synthetic');

/**
 * Every synthetic variant in manifest order: screenshots first (the forwarded screenshot is made from one).
 */
export async function allVariants(ctx: VariantContext): Promise<Variant[]> {
  return [...(await screenshotVariants(ctx)), ...METADATA_VARIANTS, ...PIXEL_VARIANTS];
}

/**
 * Makes, checks and writes every synthetic fixture and the manifest.
 * @throws {Error} when a variant's check fails (a tag did not land) or a base fixture is missing
 */
export async function makeFixtures(options: MakeFixturesOptions = {}): Promise<MakeFixturesResult> {
  const outDir = resolve(options.outDir ?? SYNTHETIC_DIR);
  const log = options.log ?? ((line: string) => console.log(line));
  const useChromium = options.chromium ?? chromiumAvailable();
  await mkdir(outDir, { recursive: true });
  const ctx: VariantContext = {
    fixture: async (path) => new Uint8Array(await readFile(fixturePath(...path.split('/')))),
    synthetic: async (file) => {
      const made = join(outDir, file);
      return new Uint8Array(await readFile(existsSync(made) ? made : join(SYNTHETIC_DIR, file)));
    },
  };
  const variants = await allVariants(ctx);
  const written: string[] = [];
  const skipped: string[] = [];

  const captures = variants.filter((v) => v.capture);
  if (captures.length > 0 && !useChromium) {
    log(
      `skipping ${captures.length} Chromium screenshots (${chromiumAvailable() ? 'disabled' : `${CHROMIUM_PATH} not found; apt-get install chromium fonts-noto-cjk`}); the committed PNGs stay`,
    );
    skipped.push(...captures.map((v) => v.file));
  } else if (captures.length > 0) {
    const pngs = await capturePages(captures.map((v) => v.capture!));
    for (const [i, variant] of captures.entries()) await check(variant, pngs[i]!);
  }
  for (const variant of variants) {
    if (variant.capture) continue;
    await check(variant, await variant.make!(ctx));
  }

  const manifest = {
    files: variants.map(({ file, source, licence, demonstrates }) => ({ file, source, licence, demonstrates })),
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`wrote ${written.length} files and manifest.json to ${outDir}`);
  return { written, skipped };

  async function check(variant: Variant, bytes: Uint8Array): Promise<void> {
    try {
      await variant.verify(bytes, ctx);
    } catch (error) {
      throw new Error(`${variant.file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await writeFile(join(outDir, variant.file), bytes);
    written.push(variant.file);
    log(`  ${variant.file} (${bytes.length} bytes)`);
  }
}

function parseArgs(argv: readonly string[]): MakeFixturesOptions {
  const options: { outDir?: string; chromium?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) options.outDir = argv[++i];
    else if (arg === '--no-chromium') options.chromium = false;
    else throw new Error(`Unknown argument ${arg}; usage: make-fixtures [--out <dir>] [--no-chromium]`);
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  makeFixtures(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
