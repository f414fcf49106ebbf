import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readPngTextChunks } from '../../containers/png-text.js';
import { fixturePath } from '../../testing/paths.js';
import { a1111FromInfotext, parseA1111Infotext } from './a1111.js';
import { summariseComfyGraph, toComfyApiGraph } from './comfyui-graph.js';
import { truncate } from './describe.js';
import { detectGenerators } from './detect.js';
import { parseDreamLine } from './invokeai.js';
import { parseLenientJson } from './lenient-json.js';
import { parseMidjourneyCommand } from './midjourney.js';
import { collectTextFields } from './text-fields.js';
import type { TextField } from './types.js';

const png = (keyword: string, text: string): TextField => ({
  key: keyword.toLowerCase(),
  source: `PNG tEXt "${keyword}"`,
  text,
});
const fixtureChunk = (file: string, keyword: string) =>
  readPngTextChunks(new Uint8Array(readFileSync(fixturePath('generators', file)))).find((c) => c.keyword === keyword)!
    .text;
const fieldsOf = (meta: { exif?: Record<string, unknown>; xmp?: string[]; iptc?: Record<string, unknown> }) =>
  collectTextFields({ pngText: [], meta: { exif: meta.exif ?? {}, xmp: meta.xmp ?? [], iptc: meta.iptc ?? {} } });

void describe('parseLenientJson', () => {
  void it('keeps integers beyond 2^53 exact, as strings', () => {
    assert.deepEqual(parseLenientJson('{"seed": 18446744073709551615, "small": 42}'), {
      seed: '18446744073709551615',
      small: 42,
    });
  });
  void it("reads Python's NaN and Infinity as null and leaves strings alone", () => {
    assert.deepEqual(parseLenientJson('[NaN, -Infinity, "NaN 12345678901234567890 \\" x"]'), [
      null,
      null,
      'NaN 12345678901234567890 " x',
    ]);
  });
  void it('returns undefined for anything that is not JSON', () => {
    for (const text of ['', 'photo of a duck', '{"a": ', '{"a": 1} trailing', '  ']) {
      assert.equal(parseLenientJson(text), undefined, text);
    }
  });
});

void describe('A1111 infotext', () => {
  void it('splits a multi-line prompt and negative prompt, and unquotes quoted values', () => {
    const text =
      'a cracked\nmug\nNegative prompt: blurry,\nlowres\nSteps: 28, Sampler: DPM++ 2M, Schedule type: Karras, ' +
      'CFG scale: 6.5, Seed: 3920410107, Size: 832x1216, Model: ponyV6, Lora hashes: "a: 1, b: 2", Version: v1.10.1';
    const parsed = parseA1111Infotext(text)!;
    assert.equal(parsed.prompt, 'a cracked\nmug');
    assert.equal(parsed.negativePrompt, 'blurry,\nlowres');
    assert.equal(parsed.params['Lora hashes'], 'a: 1, b: 2');
    const found = a1111FromInfotext(text, 'test')!;
    assert.equal(found.id, 'a1111');
    assert.equal(found.scheduler, 'Karras');
    assert.equal(found.cfgScale, 6.5);
    assert.equal(found.extra?.['Lora hashes'], 'a: 1, b: 2');
  });
  const apps: [string, string][] = [
    ['Version: f2.0.1v1.10.1-previous-313-g8a042934', 'forge'],
    ['App: SD.Next, Version: 1b2c3d4', 'sdnext'],
    ['Version: Fooocus v2.5.5', 'fooocus'],
    ['Civitai resources: [{"type":"checkpoint"}]', 'civitai'],
    ['Version: v1.9.4', 'a1111'],
  ];
  for (const [tail, id] of apps) {
    void it(`names ${id} from "${tail}"`, () => {
      assert.equal(a1111FromInfotext(`cat\nSteps: 20, Sampler: Euler, Seed: 1, ${tail}`, 'test')?.id, id);
    });
  }
  void it('needs a numeric Steps and a sampler or seed', () => {
    assert.equal(a1111FromInfotext('Steps: many, Sampler: Euler, Seed: 1', 't'), undefined);
    assert.equal(a1111FromInfotext('Steps: 20, Size: 512x512, Model: x', 't'), undefined);
  });
});

void describe('InvokeAI Dream line', () => {
  void it('reads the quoted prompt and the switches', () => {
    const dream = fixtureChunk('sd-parsers/InvokeAI/invokeai_dream1.png', 'Dream');
    const parsed = parseDreamLine(dream)!;
    assert.deepEqual(
      { S: parsed.options.S, s: parsed.options.s, A: parsed.options.A, C: parsed.options.C, W: parsed.options.W },
      { S: '2980747362', s: '50', A: 'k_lms', C: '5', W: '512' },
    );
    assert.ok(parsed.prompt.endsWith('[rendering, glowing eyes, skinny]'));
  });
});

void describe('Midjourney', () => {
  // Real Midjourney PNG metadata as quoted in public tools' docs and tests (exiftool how-to; Picteus extension).
  const described = [
    {
      text: 'example --ar 2:1 --stylize 80 --v 6 Job ID: a7421d2f-b262-44f9-977c-ac23e9c7d3e3',
      author: 'peterkaminski',
      prompt: 'example',
      version: '6',
    },
    {
      text:
        'https://s.mj.run/jhiJzyVBla8 Editorial fashion, photo by Tim Walker, Biomechatronic Chanel girl model --chaos 16 ' +
        '--ar 4:5 --sref 4169606994 --personalize yfbxsj7 Job ID: d95be554-d446-4c51-ad75-e00d9f9bbb35',
      author: 'Grand Daron',
      prompt: 'Editorial fashion, photo by Tim Walker, Biomechatronic Chanel girl model',
      version: undefined,
    },
  ];
  for (const { text, author, prompt, version } of described) {
    void it(`reads "${text.slice(0, 40)}…"`, () => {
      const [found] = detectGenerators([png('Description', text), png('Author', author)]);
      assert.equal(found?.id, 'midjourney');
      assert.equal(found.evidence, 'parameters');
      assert.equal(found.prompt, prompt);
      assert.equal(found.version, version);
      assert.equal(found.extra?.author, author);
      assert.match(String(found.extra?.jobId), /^[0-9a-f-]{36}$/);
    });
  }
  void it('reads the same description from XMP dc:description, and flags alone only as a hint', () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${described[0]!.text}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
    assert.equal(detectGenerators(fieldsOf({ xmp: [xmp] }))[0]?.evidence, 'parameters');
    const flagsOnly = detectGenerators([png('Description', 'a cat --v 6.1 --ar 16:9')]);
    assert.equal(flagsOnly[0]?.evidence, 'hint');
    assert.deepEqual(parseMidjourneyCommand('a cat --v 6.1 --ar 16:9 --no text, logo').flags, {
      v: '6.1',
      ar: '16:9',
      no: 'text, logo',
    });
  });
});

void describe('ComfyUI graphs', () => {
  void it('follows ControlNetApplyAdvanced outputs: slot 0 positive, slot 1 negative', () => {
    // Shaped like ComfyUI_examples' stable_cascade__canny_controlnet.png prompt chunk (nodes 3, 6, 7, 41, 49).
    const graph = toComfyApiGraph({
      '3': {
        class_type: 'KSampler',
        inputs: {
          seed: 7,
          steps: 20,
          cfg: 4,
          sampler_name: 'euler',
          scheduler: 'simple',
          denoise: 1,
          model: ['41', 0],
          positive: ['49', 0],
          negative: ['49', 1],
        },
      },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'glass bottle', clip: ['41', 1] } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: 'text, watermark', clip: ['41', 1] } },
      '41': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'stage_c.safetensors' } },
      '49': {
        class_type: 'ControlNetApplyAdvanced',
        inputs: { strength: 1, positive: ['6', 0], negative: ['7', 0], control_net: ['47', 0] },
      },
    })!;
    const [pass] = summariseComfyGraph(graph).samplers;
    assert.deepEqual(pass?.prompts, ['glass bottle']);
    assert.deepEqual(pass?.negativePrompts, ['text, watermark']);
  });
  void it('reads SamplerCustomAdvanced through its noise, sampler, sigmas and guider nodes, and LoRAs on the model path', () => {
    // Shaped like ComfyUI_examples' flux_dev workflow (API form).
    const graph = toComfyApiGraph({
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a parcel with a dented corner', clip: ['11', 0] } },
      '10': { class_type: 'UNETLoader', inputs: { unet_name: 'flux1-dev.safetensors', weight_dtype: 'default' } },
      '12': {
        class_type: 'LoraLoaderModelOnly',
        inputs: { lora_name: 'damage.safetensors', strength_model: 1, model: ['10', 0] },
      },
      '13': {
        class_type: 'SamplerCustomAdvanced',
        inputs: { noise: ['25', 0], guider: ['22', 0], sampler: ['16', 0], sigmas: ['17', 0], latent_image: ['5', 0] },
      },
      '16': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler' } },
      '17': { class_type: 'BasicScheduler', inputs: { scheduler: 'simple', steps: 20, denoise: 1, model: ['12', 0] } },
      '22': { class_type: 'BasicGuider', inputs: { model: ['12', 0], conditioning: ['26', 0] } },
      '25': { class_type: 'RandomNoise', inputs: { noise_seed: '18446744073709551615' } },
      '26': { class_type: 'FluxGuidance', inputs: { guidance: 3.5, conditioning: ['6', 0] } },
    })!;
    const [pass] = summariseComfyGraph(graph).samplers;
    assert.deepEqual(pass, {
      nodeId: '13',
      sampler: 'euler',
      scheduler: 'simple',
      seed: '18446744073709551615',
      steps: 20,
      denoise: 1,
      model: 'flux1-dev.safetensors',
      loras: ['damage.safetensors'],
      prompts: ['a parcel with a dented corner'],
      negativePrompts: [],
    });
  });
  void it('reads the graph from a WebP/JPEG saved by ComfyUI (EXIF Model "prompt:…", Make "workflow:…")', () => {
    const file = 'sd-parsers/ComfyUI/img2img_cropped.png';
    const exif = {
      Model: `prompt:${fixtureChunk(file, 'prompt')}`,
      Make: `workflow:${fixtureChunk(file, 'workflow')}`,
    };
    const [found] = detectGenerators(fieldsOf({ exif }));
    assert.equal(found?.id, 'comfyui');
    assert.equal(found.source, 'EXIF Model + EXIF Make');
    assert.equal(found.seed, '280823642470253');
  });
});

void describe('other generators and carriers', () => {
  void it('reads Fooocus JSON from a JPEG UserComment with Software "Fooocus v…"', () => {
    const json = fixtureChunk('sd-parsers/Fooocus/fooocus1_cropped.png', 'parameters');
    const found = detectGenerators(fieldsOf({ exif: { UserComment: json, Software: 'Fooocus v2.4.3' } }));
    assert.deepEqual(
      found.map((f) => [f.id, f.evidence, f.seed]),
      [['fooocus', 'parameters', '6952411511246973023']],
    );
  });
  void it('reads Draw Things settings from XMP (CreatorTool + exif:UserComment JSON), not as AUTOMATIC1111', () => {
    const config =
      '{"c":"a red cube","uc":"blue","model":"model.ckpt","sampler":"Euler A","scale":4.5,"seed":2441935286,"size":"64x32","steps":8}';
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">a red cube&#xA;-blue&#xA;Steps: 8, Sampler: Euler A, Guidance Scale: 4.5, Seed: 2441935286, Size: 64x32, Model: model.ckpt</rdf:li></rdf:Alt></dc:description><xmp:CreatorTool>Draw Things</xmp:CreatorTool><exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">${config.replace(/"/g, '&quot;')}</rdf:li></rdf:Alt></exif:UserComment></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const found = detectGenerators(fieldsOf({ xmp: [xmp] }));
    assert.deepEqual(
      found.map((f) => f.id),
      ['draw-things'],
    );
    assert.deepEqual(
      [found[0]!.prompt, found[0]!.negativePrompt, found[0]!.seed, found[0]!.cfgScale],
      ['a red cube', 'blue', '2441935286', 4.5],
    );
  });
  void it('reads SwarmUI sui_image_params', () => {
    const text =
      '{"sui_image_params":{"prompt":"a man mid-sprint","model":"Flux/flux1-dev-fp8","seed":123998,"steps":25,"cfgscale":0.8,"sampler":"euler","width":512,"height":768}}';
    const [found] = detectGenerators([png('parameters', text)]);
    assert.deepEqual(
      [found?.id, found?.model, found?.seed, found?.size],
      ['swarmui', 'Flux/flux1-dev-fp8', '123998', '512x768'],
    );
  });
  const hints: [string, string | undefined][] = [
    ['NovelAI', 'novelai'],
    ['Fooocus v2.5.0', 'fooocus'],
    ['Draw Things', 'draw-things'],
    ['Midjourney', undefined],
    ['Adobe Photoshop 25.0', undefined],
    ['Adobe Firefly', undefined],
    ['GIMP 2.10.34', undefined],
    ['Snapseed 2.0', undefined],
  ];
  for (const [software, id] of hints) {
    void it(`software "${software}" ${id ? `hints at ${id}` : 'is no generator'}`, () => {
      const found = detectGenerators(fieldsOf({ exif: { Software: software } }));
      assert.deepEqual(
        found.map((f) => [f.id, f.evidence]),
        id ? [[id, 'hint']] : [],
      );
    });
  }
});

void describe('truncate', () => {
  void it('cuts by code points and never splits a CJK character or emoji', () => {
    assert.equal(truncate('裂纹手机屏幕📱在桌上', 6), '裂纹手机屏…');
    assert.equal(truncate('短', 6), '短');
  });
});
