/**
 * Measures the thumbnail comparison on every real JPEG with an EXIF thumbnail in the shared corpus
 * (`../shared/data/images/metadata`) through the registered thumbnail signal: untouched, re-encoded upright without
 * EXIF (the control), and with four kinds of painted damage (a stain, a thin crack, a small spot, a light patch)
 * drawn on the displayed picture. Prints, per case, how many photos reach each size of the largest group of
 * differing cells, how many the signal fires on, and the correlation range — the figures behind the thresholds in
 * `packages/forensics/src/signals/thumbnail.ts`.
 *
 * Run: `npm run build && node apps/server/dist/scripts/calibrate-thumbnail.js [corpus dir]`
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { DEFAULT_LIMITS, PREVIEW_MAX_SIDE, SIGNALS, sniffFormat, type SignalContext } from '@proofdesk/forensics';
import { ExifrMetadataReader } from '../adapters/media/exifr.metadata-reader.js';
import { SharpImageDecoder } from '../adapters/media/sharp.image-decoder.js';
import { REPO_ROOT } from '../testing/paths.js';

const DAMAGE: Record<string, (w: number, h: number) => string> = {
  reencoded: () => '', // the control: the same re-encoding, nothing painted
  stain: (w, h) =>
    `<ellipse cx="${w * 0.62}" cy="${h * 0.55}" rx="${w * 0.09}" ry="${h * 0.07}" fill="#3b2410" fill-opacity="0.8"/>`,
  crack: (w, h) =>
    `<polyline points="${[
      [30, 35],
      [38, 42],
      [36, 50],
      [45, 56],
      [43, 63],
      [52, 70],
    ]
      .map(([x, y]) => `${(x! * w) / 100},${(y! * h) / 100}`)
      .join(' ')}" stroke="#111" stroke-width="${Math.max(2, w * 0.012)}" fill="none"/>`,
  spot: (w, h) =>
    `<ellipse cx="${w * 0.3}" cy="${h * 0.4}" rx="${w * 0.04}" ry="${h * 0.04}" fill="#5a3a1a" fill-opacity="0.85"/>`,
  light: (w, h) =>
    `<ellipse cx="${w * 0.45}" cy="${h * 0.6}" rx="${w * 0.1}" ry="${h * 0.08}" fill="#f4f0e8" fill-opacity="0.9"/>`,
};

async function* jpegs(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jpegs(path);
    else if (/\.jpe?g$/i.test(entry.name)) yield path;
  }
}

/** What the signal reported for one photo and case. */
interface Outcome {
  readonly file: string;
  readonly group: number;
  readonly r: number;
  readonly fired: boolean;
}

/**
 * One line per case: photos compared, how many reach a largest group of ≥ 2 and ≥ 3 differing cells, how many the
 * signal fires on, the largest group and the correlation range.
 */
export async function calibrate(corpus: string, log: (line: string) => void): Promise<void> {
  const signal = SIGNALS.find((s) => s.name === 'thumbnail');
  if (!signal) throw new Error('the thumbnail signal is not registered');
  const decoder = new SharpImageDecoder();
  const reader = new ExifrMetadataReader();
  const results: Record<string, Outcome[]> = {};
  try {
    for await (const path of jpegs(corpus)) {
      const bytes = new Uint8Array(await readFile(path));
      if (sniffFormat(bytes).kind !== 'image') continue;
      const meta = await reader.read(bytes, 'jpeg');
      if (!meta.thumbnail || meta.thumbnail.length === bytes.length) continue;
      try {
        const header = await decoder.probe(bytes, 'jpeg');
        const displayed = await sharp(bytes).rotate().toBuffer({ resolveWithObject: true });
        const { width: w, height: h } = displayed.info;
        const cases: [string, Uint8Array][] = [['untouched', bytes]];
        for (const [name, draw] of Object.entries(DAMAGE)) {
          const svg = Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${draw(w, h)}</svg>`,
          );
          cases.push([
            name,
            new Uint8Array(
              await sharp(displayed.data)
                .composite([{ input: svg }])
                .jpeg({ quality: 90 })
                .toBuffer(),
            ),
          ]);
        }
        for (const [name, main] of cases) {
          // The damaged copies are re-encoded from the displayed pixels without EXIF: their preview is upright,
          // while header, orientation and thumbnail stay the camera's.
          const preview = await decoder.decode(main, 'jpeg', {
            maxSide: PREVIEW_MAX_SIDE,
            maxPixels: DEFAULT_LIMITS.maxPixels,
          });
          const ctx = {
            file: path,
            bytes,
            format: 'jpeg',
            header,
            width: w,
            height: h,
            meta,
            pngText: [],
            preview,
            decoder,
            maxPixels: DEFAULT_LIMITS.maxPixels,
          } satisfies SignalContext;
          const result = await signal.run(ctx);
          const facts = result.facts?.thumbnail as
            { compared?: boolean; correlation?: number; largestGroupCells?: number } | undefined;
          if (!facts?.compared) continue;
          (results[name] ??= []).push({
            file: relative(corpus, path),
            group: facts.largestGroupCells ?? 0,
            r: facts.correlation ?? 0,
            fired: result.findings.length > 0,
          });
        }
      } catch {
        // corrupt files and undecodable thumbnails are the decoder tests' business
      }
    }
  } finally {
    await decoder.close();
  }
  for (const [name, list] of Object.entries(results)) {
    const count = (min: number) => list.filter((x) => x.group >= min).length;
    const rs = list.map((x) => x.r).sort((a, b) => a - b);
    const fired = list.filter((x) => x.fired).length;
    log(
      `${name.padEnd(10)} compared=${list.length} group≥2: ${count(2)} group≥3: ${count(3)} fires: ${fired} (${Math.round((100 * fired) / list.length)}%) max group=${Math.max(...list.map((x) => x.group))} r min=${rs[0]} median=${rs[rs.length >> 1]}`,
    );
    if (name === 'untouched' || name === 'reencoded') {
      for (const x of list.filter((o) => o.fired)) log(`  fires on ${x.file} (largest group ${x.group} cells)`);
      const second = list.filter((o) => !o.fired).reduce((m, o) => Math.max(m, o.group), 0);
      log(`  largest group among the photos it does not fire on: ${second}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const corpus = process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data', 'images', 'metadata');
  calibrate(corpus, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
