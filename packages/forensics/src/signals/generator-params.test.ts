import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readPngTextChunks, type PngTextChunk } from '../containers/png-text.js';
import type { RawMetadata } from '../ports.js';
import { fixturePath } from '../testing/paths.js';
import { combineFindings } from '../verdict.js';
import { GENERATOR_HINT_STRENGTH, generatorParamsSignal, readGeneratorFields } from './generator-params.js';
import { detectGenerators } from './generators/detect.js';
import { collectTextFields } from './generators/text-fields.js';
import type { GeneratorParams, SamplerPass } from './generators/types.js';
import { SIGNALS } from './index.js';
import type { SignalContext, SignalResult } from './signal.js';

/** One expected sampling pass, transcribed in fixtures/generators/expected.json. */
interface ExpectedPass {
  readonly nodeId?: string;
  readonly sampler?: string;
  readonly scheduler?: string;
  readonly steps?: number;
  readonly cfgScale?: number;
  readonly denoise?: number;
  readonly seed?: string;
  readonly model?: string;
  readonly modelHash?: string;
  readonly prompts?: readonly string[];
  readonly negativePrompts?: readonly string[];
}
interface Expected {
  readonly generator: string;
  readonly passes: readonly ExpectedPass[];
  readonly size?: string;
  readonly version?: string;
  readonly inputImages?: readonly string[];
}

const EXPECTED = (
  JSON.parse(readFileSync(fixturePath('generators', 'expected.json'), 'utf8')) as {
    files: Record<string, Expected>;
  }
).files;

const NO_META: RawMetadata = { exif: {}, xmp: [], iptc: {}, errors: [] };

/** The parts of a context the signal reads; the rest is never touched by it. */
function context(pngText: readonly PngTextChunk[], meta: Partial<RawMetadata> = {}): SignalContext {
  return { pngText, meta: { ...NO_META, ...meta } } as unknown as SignalContext;
}

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath('generators', file)));
}

function chunksOf(file: string): PngTextChunk[] {
  return readPngTextChunks(bytesOf(file));
}

/** A PNG fixture as `checkPhoto` presents it to the signal: bytes, format, text chunks, pixel limit. */
function pngContext(file: string): SignalContext {
  const bytes = bytesOf(file);
  return {
    bytes,
    format: 'png',
    pngText: readPngTextChunks(bytes),
    meta: NO_META,
    maxPixels: 100e6,
  } as unknown as SignalContext;
}

function run(ctx: SignalContext): SignalResult {
  return generatorParamsSignal.run(ctx) as SignalResult;
}

/** A non-graph parse as one pass, so every generator compares the same way. */
function asPasses(found: GeneratorParams): readonly Partial<SamplerPass & { modelHash: string }>[] {
  if (found.samplers) return found.samplers;
  return [
    {
      ...found,
      prompts: found.prompt === undefined ? [] : [found.prompt],
      negativePrompts: found.negativePrompt === undefined ? [] : [found.negativePrompt],
    },
  ];
}

/** Compares every field the expectation gives; prompts as sets (traversal order carries no meaning). */
function assertMatches(found: GeneratorParams, expected: Expected): void {
  assert.equal(found.id, expected.generator);
  assert.equal(found.evidence, 'parameters');
  const passes = asPasses(found);
  assert.equal(passes.length, expected.passes.length, 'number of sampling passes');
  expected.passes.forEach((want, i) => {
    const got = passes[i]!;
    for (const key of ['nodeId', 'sampler', 'scheduler', 'steps', 'cfgScale', 'denoise', 'seed', 'model'] as const) {
      if (want[key] !== undefined) assert.equal(got[key], want[key], `pass ${i} ${key}`);
    }
    if (want.modelHash !== undefined) assert.equal(found.modelHash, want.modelHash, 'model hash');
    if (want.prompts) assert.deepEqual([...(got.prompts ?? [])].sort(), [...want.prompts].sort(), `pass ${i} prompts`);
    if (want.negativePrompts) {
      assert.deepEqual([...(got.negativePrompts ?? [])].sort(), [...want.negativePrompts].sort(), `pass ${i} negative`);
    }
  });
  if (expected.size !== undefined) assert.equal(found.size, expected.size, 'size');
  if (expected.version !== undefined) assert.equal(found.version, expected.version, 'version');
  if (expected.inputImages !== undefined) assert.deepEqual(found.extra?.inputImages, expected.inputImages);
}

void describe('generator parsers on real files, against the expected parses', () => {
  const pngs = Object.entries(EXPECTED).filter(([file]) => file.endsWith('.png'));
  void it('covers every generator in the fixtures', () => {
    const ids = new Set(pngs.map(([, e]) => e.generator));
    assert.deepEqual([...ids].sort(), ['a1111', 'comfyui', 'fooocus', 'invokeai', 'novelai']);
  });
  for (const [file, expected] of pngs) {
    void it(file, () => {
      const [found] = detectGenerators(readGeneratorFields(pngContext(file)));
      assert.ok(found, 'a generator is found');
      assertMatches(found, expected);
    });
  }
});

void describe('ComfyUI editor graph alone (the `workflow` chunk, no `prompt`)', () => {
  const files = [
    'sd-parsers/ComfyUI/img2img_cropped.png',
    'sd-parsers/ComfyUI/night_evening_day_morning_cropped.png',
    'comfyui-examples/chroma/fennec_girl_flowers.png',
  ];
  for (const file of files) {
    void it(file, () => {
      const chunks = chunksOf(file).filter((c) => c.keyword === 'workflow');
      assert.equal(chunks.length, 1);
      const [found] = detectGenerators(collectTextFields(context(chunks)));
      assert.ok(found);
      assert.equal(found.source, 'PNG tEXt "workflow"');
      // The editor graph has no denoise for KSamplerAdvanced and no size; everything else must agree.
      const expected = EXPECTED[file]!;
      assertMatches(found, { generator: expected.generator, passes: expected.passes });
    });
  }
});

void describe('generatorParamsSignal', () => {
  void it('is registered with checkPhoto', () => assert.ok(SIGNALS.includes(generatorParamsSignal)));

  void it('reports unambiguous parameters as a decisive, high finding naming the generator and key facts', () => {
    const result = run(context(chunksOf('sd-parsers/ComfyUI/img2img_cropped.png')));
    assert.equal(result.findings.length, 1);
    const finding = result.findings[0]!;
    assert.equal(finding.code, 'provenance.generator_params');
    assert.equal(finding.severity, 'high');
    assert.equal(finding.score, 1);
    assert.match(finding.title.en, /ComfyUI/);
    assert.match(finding.title.zh, /ComfyUI/);
    for (const fact of ['v1-5-pruned-emaonly.ckpt', 'sample_dpmpp_2m', '280823642470253', 'victorian woman']) {
      assert.ok(finding.detail.en.includes(fact), `en detail names ${fact}`);
      assert.ok(finding.detail.zh.includes(fact), `zh detail names ${fact}`);
    }
    assert.match(finding.detail.zh, /example\.png/);
    assert.equal(combineFindings(result.findings).verdict, 'forged');
    assert.deepEqual(result.facts?.generator, finding.facts);
    assert.equal(result.facts?.generator?.generator, 'ComfyUI');
  });

  void it('quotes at most 80 characters of the prompt and keeps at most 500 in facts', () => {
    const long = 'a cracked phone screen on a wooden table, '.repeat(30);
    const parameters = `${long}\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512`;
    const result = run(context([{ type: 'tEXt', keyword: 'parameters', text: parameters }]));
    const finding = result.findings[0]!;
    const quoted = /prompt "([^"]*)"/.exec(finding.detail.en)?.[1];
    assert.ok(quoted && [...quoted].length <= 80 && quoted.endsWith('…'), `quoted: ${quoted}`);
    const factPrompt = result.facts?.generator?.prompt as string;
    assert.equal([...factPrompt].length, 500);
    assert.ok(long.startsWith(factPrompt.slice(0, -1)));
  });

  void it('never stores a whole workflow in facts', () => {
    const file = 'sd-parsers/ComfyUI/noisy_latents_3_subjects_cropped.png';
    const workflowChars = chunksOf(file).reduce((n, c) => n + c.text.length, 0);
    const facts = JSON.stringify(run(context(chunksOf(file))).facts);
    assert.ok(facts.length < workflowChars / 2, `${facts.length} chars of facts for ${workflowChars} of chunks`);
    assert.ok(!facts.includes('last_node_id') && !facts.includes('class_type'));
  });

  void it('reports a bare generator name as a weaker warning that does not make the photo forged', () => {
    const result = run(context([], { exif: { Software: 'NovelAI' } }));
    const finding = result.findings[0]!;
    assert.equal(finding.severity, 'warn');
    assert.equal(finding.score, GENERATOR_HINT_STRENGTH);
    assert.match(finding.title.en, /NovelAI/);
    assert.equal(combineFindings(result.findings).verdict, 'suspicious');
  });

  void it('lists a second generator found in the same file', () => {
    const chunks = [
      ...chunksOf('sd-parsers/ComfyUI/img2img_cropped.png'),
      ...chunksOf('sd-parsers/AUTOMATIC1111/automatic1111_cropped.png'),
    ];
    const facts = run(context(chunks)).facts?.generator as { generator: string; alsoFound: { generator: string }[] };
    assert.equal(facts.generator, 'ComfyUI');
    assert.deepEqual(
      facts.alsoFound.map((o) => o.generator),
      ['Stable Diffusion WebUI (AUTOMATIC1111)'],
    );
  });
});

void describe('must not fire', () => {
  for (const file of ['empty_file.png', 'empty_image.png', 'text_after_idat.png']) {
    void it(`on a PNG without generator chunks: ${file}`, () => {
      assert.deepEqual(run(pngContext(`sd-parsers/bad_images/${file}`)).findings, []);
    });
  }
  // Real values seen in the camera and stock photos of ../shared/data/images/metadata (exifr output).
  const ordinary: [string, Partial<RawMetadata>][] = [
    ['a camera ImageDescription', { exif: { ImageDescription: 'OLYMPUS DIGITAL CAMERA', Software: 'Version 1.0' } }],
    ['Software: Adobe Photoshop', { exif: { Software: 'Adobe Photoshop 26.5 (Macintosh)', Artist: 'Lukas Nagel' } }],
    ['Lightroom with a caption', { exif: { Software: 'Adobe Photoshop Lightroom 6.10.1 (Macintosh)' } }],
    ['a macOS screenshot comment', { exif: { UserComment: 'Screenshot' } }],
    ['a camera UserComment', { exif: { UserComment: 'Dateiname : DSCN1767.JPG, Aufnahmedatum : 2002:07:25' } }],
    ['an IPTC caption', { iptc: { Caption: 'A screen shows market data as a person walks down a corridor' } }],
    ['phone firmware', { exif: { Software: 'HDR+ 1.0.570503588zd', Make: 'Google', Model: 'Pixel 3' } }],
    ['Nikon camera Make/Model', { exif: { Make: 'NIKON CORPORATION', Model: 'NIKON D70' } }],
  ];
  for (const [name, meta] of ordinary) {
    void it(`on ordinary photo metadata: ${name}`, () => assert.deepEqual(run(context([], meta)).findings, []));
  }
  const pngText: [string, PngTextChunk][] = [
    ['a PNG Comment with unrelated text', { type: 'tEXt', keyword: 'Comment', text: 'Created with GIMP' }],
    ['a Description without generator markers', { type: 'tEXt', keyword: 'Description', text: 'Parcel, front side' }],
    ['a Description with a lone --flag', { type: 'tEXt', keyword: 'Description', text: 'pack --ar 4:3 box' }],
    ['a prompt chunk that is plain text', { type: 'tEXt', keyword: 'prompt', text: 'not a graph' }],
    ['parameters that are not infotext', { type: 'tEXt', keyword: 'parameters', text: 'Steps: one, two' }],
    ['a Software chunk from an editor', { type: 'tEXt', keyword: 'Software', text: 'Adobe ImageReady' }],
  ];
  for (const [name, chunk] of pngText) {
    void it(`on ${name}`, () => assert.deepEqual(run(context([chunk])).findings, []));
  }
});

void describe('junk never throws and yields no finding', () => {
  const junk = [
    '{"3": {"class_type": 5, "inputs": []}}',
    '{"nodes": 5, "links": "x"}',
    '{"nodes": [{"type": "KSampler", "id": {"a": 1}, "widgets_values": "x"}], "links": [[1], null, {"id": []}]}',
    '{"seed": 1, "prompt": ',
    '[1, 2, NaN, Infinity, -Infinity, 123456789012345678901234567890]',
    '"just a string"',
    '\u0000\uffff\ud800',
    'Steps: , Sampler: , Seed: , '.repeat(2000),
    'a'.repeat(200_000),
  ];
  const keys = [
    'prompt',
    'workflow',
    'parameters',
    'invokeai_metadata',
    'sd-metadata',
    'Dream',
    'Comment',
    'Description',
  ];
  for (const [i, text] of junk.entries()) {
    void it(`junk #${i} under every generator key`, () => {
      const chunks = keys.map((keyword): PngTextChunk => ({ type: 'tEXt', keyword, text }));
      const meta = { exif: { UserComment: text, Make: `workflow:${text}`, Model: `prompt:${text}` } };
      assert.deepEqual(run(context(chunks, meta)).findings, []);
    });
  }
  void it('random bytes decoded as text, 300 deterministic rounds', () => {
    let state = 0x2545f491;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const alphabet = '{}[]",:0123456789-. \nabcSteps:Seed:Sampler:--v Job ID:class_typeinputsnodes';
    for (let round = 0; round < 300; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 300) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      const chunks = keys.map((keyword): PngTextChunk => ({ type: 'tEXt', keyword, text }));
      const result = run(context(chunks, { exif: { UserComment: text } }));
      assert.ok(Array.isArray(result.findings));
    }
  });
});
