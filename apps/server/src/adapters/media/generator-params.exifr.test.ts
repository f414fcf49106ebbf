/**
 * The generator-parameters signal end to end on real files: metadata read by the real exifr adapter (EXIF
 * UserComment decoded from its charset header), PNG text chunks by the core's reader, the signal judging both.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readPngTextChunks, SIGNALS, sniffFormat, type Finding, type SignalContext } from '@proofdesk/forensics';
import { fixturePath, REPO_ROOT } from '../../testing/paths.js';
import { ExifrMetadataReader } from './exifr.metadata-reader.js';

const reader = new ExifrMetadataReader();
/** Found by name in the registered signals, so these tests also fail when it is not registered. */
const signal = SIGNALS.find((s) => s.name === 'generator-params');

interface Expected {
  readonly generator: string;
  readonly passes: readonly {
    readonly sampler?: string;
    readonly seed?: string;
    readonly model?: string;
    readonly prompts?: readonly string[];
  }[];
}
const EXPECTED = (
  JSON.parse(readFileSync(fixturePath('generators', 'expected.json'), 'utf8')) as { files: Record<string, Expected> }
).files;

/** Reads a file the way `checkPhoto` does (format sniffed from bytes, metadata port, PNG chunks) and runs the signal. */
async function check(path: string): Promise<{ findings: readonly Finding[]; facts: Record<string, unknown> }> {
  const bytes = new Uint8Array(readFileSync(path));
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind !== 'image') return { findings: [], facts: {} };
  const meta = await reader.read(bytes, sniffed.format);
  const pngText = sniffed.format === 'png' ? readPngTextChunks(bytes) : [];
  assert.ok(signal, 'the generator-params signal is registered in SIGNALS');
  // The signal reads only `pngText` and `meta`; the rest of the context belongs to other signals.
  const ctx = { bytes, format: sniffed.format, meta, pngText, maxPixels: 100e6 };
  const result = await signal.run(ctx as unknown as SignalContext);
  return { findings: result.findings, facts: result.facts?.generator ?? {} };
}

void describe('generator parameters through the exifr adapter', () => {
  void it('reads A1111 infotext from a JPEG EXIF UserComment (UTF-16BE) and matches the expected parse', async () => {
    const file = 'sd-parsers/AUTOMATIC1111/automatic1111_cropped.jpg';
    const { findings, facts } = await check(fixturePath('generators', file));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'high');
    assert.equal(findings[0]!.score, 1);
    const want = EXPECTED[file]!.passes[0]!;
    assert.deepEqual(
      [facts.id, facts.source, facts.sampler, facts.seed, facts.model, facts.prompt, facts.negativePrompt],
      ['a1111', 'EXIF UserComment', want.sampler, want.seed, want.model, want.prompts?.[0], 'monochrome'],
    );
  });

  for (const [file, expected] of Object.entries(EXPECTED).filter(([f]) => f.endsWith('.png'))) {
    void it(`finds ${expected.generator} in ${file} with the adapter's metadata beside the PNG chunks`, async () => {
      const { findings, facts } = await check(fixturePath('generators', file));
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity]),
        [['provenance.generator_params', 'high']],
      );
      assert.equal(facts.id, expected.generator);
      assert.equal(facts.seed, expected.passes[0]!.seed);
    });
  }

  for (const file of ['empty_file.png', 'empty_image.png', 'empty_image.jpg', 'text_after_idat.png']) {
    void it(`stays silent on ${file}`, async () => {
      assert.deepEqual((await check(fixturePath('generators', 'sd-parsers', 'bad_images', file))).findings, []);
    });
  }
});

/** Every image file under a folder, recursively. */
function imagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return imagesUnder(path);
    return /\.(jpe?g|png|webp|tiff?|heic|heif|avif|gif)$/i.test(name) ? [path] : [];
  });
}

void describe('must not fire on camera photos, edited stock photos and screenshots', () => {
  const shared = join(REPO_ROOT, '..', 'shared', 'data', 'images');
  const sets = ['metadata', 'screenshots'].map((s) => join(shared, s)).filter((p) => existsSync(p));
  void it(
    'no finding on any image of ../shared/data/images/{metadata,screenshots}',
    { skip: sets.length === 0 },
    async () => {
      const files = sets.flatMap(imagesUnder);
      assert.ok(files.length > 200, `expected the shared camera set, found ${files.length} files`);
      const fired: string[] = [];
      for (const file of files) {
        const { findings } = await check(file);
        if (findings.length > 0) fired.push(`${file}: ${findings[0]!.title.en}`);
      }
      assert.deepEqual(fired, []);
    },
  );
});
