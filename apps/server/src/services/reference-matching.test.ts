import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  DEFAULT_LIMITS,
  SIGNALS,
  checkPhoto,
  prepareReference,
  type PhotoReport,
  type DecodedImage,
  type PreparedReference,
} from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { fixturePath } from '../testing/paths.js';
import * as V from '../testing/reference-variants.js';

/**
 * Reference matching end to end with the real decoder: re-processed copies of listing photos (each transform of
 * issue 3 alone and in seeded random combinations), with and without painted damage, must be found derived from the
 * right reference, painted regions localised (IoU with the painted mask's box), unedited copies free of local
 * edits; other photos of the same product and unrelated photos must not be found derived.
 */
const ports = createForensicPorts(DEFAULT_LIMITS);

/** The ports with a decoder that reports the size asked for whenever `bytes` (the claim photo) is decoded. */
function watchingDecodes(bytes: Uint8Array, onDecode: (event: string) => void, canShrink = true) {
  const decoder = ports.decoder;
  return {
    ...ports,
    decoder: {
      probe: decoder.probe.bind(decoder),
      encodeJpeg: decoder.encodeJpeg!.bind(decoder),
      decode: (
        input: Uint8Array,
        format: Parameters<typeof decoder.decode>[1],
        options: { maxSide: number; maxPixels: number },
      ) => {
        if (input === bytes) onDecode(`decode ${options.maxSide}`);
        return decoder.decode(input, format, options);
      },
      ...(canShrink
        ? {
            shrink: (image: DecodedImage, maxSide: number) => {
              onDecode(`shrink ${maxSide}`);
              return decoder.shrink!(image, maxSide);
            },
          }
        : {}),
    },
  };
}
after(() => ports.close());
const REFERENCE_SIGNALS = SIGNALS.filter((s) => s.name === 'reference');
const SOURCES = ['tote-bag-black.jpg', 'jacket-green.jpg', 'cap-red-front.jpg'] as const;
const OTHERS = ['hoodie-black-top-edge.jpg', 'hoodie-red-flat.jpg'];
let references: PreparedReference[] = [];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

before(async () => {
  for (const file of [...SOURCES, ...OTHERS]) {
    const bytes = readFileSync(fixturePath('listing', file));
    const prepared = await prepareReference({ file, bytes, sha256: sha256(bytes) }, ports);
    assert.ok(prepared.ok, `${file}: ${prepared.ok ? '' : prepared.message}`);
    references.push(prepared);
  }
  references = [...references];
});

async function checkBytes(name: string, bytes: Uint8Array, all = false): Promise<PhotoReport> {
  return checkPhoto({ file: name, bytes, sha256: sha256(bytes) }, ports, {
    references,
    ...(all ? {} : { signals: REFERENCE_SIGNALS }),
  });
}

const finding = (r: PhotoReport, code: string) => r.findings.find((f) => f.code === code);

interface Outcome {
  readonly report: PhotoReport;
  readonly iou?: number;
}

/** Makes the variant, checks it, and asserts derived (right reference), edits only when painted. */
async function derivedCase(
  source: string,
  steps: readonly V.Step[],
  damage?: 'crack' | 'stain',
  format: 'jpeg' | 'png' = 'jpeg',
): Promise<Outcome> {
  let variant = await V.decodeRgb(readFileSync(fixturePath('listing', source)));
  if (damage) variant = await V.paint(variant, damage, { cx: 0.45, cy: 0.5, size: 0.25, seed: 7 });
  variant = await V.applySteps(variant, steps);
  const name = `${source} ${steps.map((s) => s.name).join(' + ')}${damage ? ` + ${damage}` : ''}`;
  const report = await checkBytes(name, await V.encode(variant, format));
  const derived = finding(report, 'reference.derived_from_listing');
  assert.ok(derived, `${name}: not found derived`);
  assert.equal(derived.ref?.file, source, `${name}: wrong reference`);
  const edit = finding(report, 'reference.local_edit');
  if (!damage) {
    assert.equal(edit, undefined, `${name}: local edit on an unedited copy ${JSON.stringify(edit?.regions)}`);
    assert.equal(report.verdict, 'suspicious', name);
    return { report };
  }
  assert.ok(edit?.regions?.length, `${name}: painted ${damage} not localised`);
  assert.equal(report.verdict, 'forged', name);
  const truth = V.maskBox(variant.mask!);
  const found = V.unionBox(edit.regions);
  const iou = truth && found ? V.boxIou(truth, found) : 0;
  return { report, iou };
}

const SINGLE: readonly [string, () => V.Step[], ('jpeg' | 'png')?][] = [
  ['JPEG quality 60', () => [V.jpeg(60)]],
  ['downscaled to 25 %', () => [V.scale(0.25)]],
  ['cropped to 70 %', () => [V.crop(0.7, 0.3, 0.6)]],
  ['rotated +10°', () => [V.rotate(10)]],
  ['rotated −10°', () => [V.rotate(-10, '#000000')]],
  ['mirrored', () => [V.mirror()]],
  ['brightness, saturation, contrast +20 %', () => [V.colour(1.2, 1.2, 1.2)]],
  ['brightness, saturation, contrast −20 %', () => [V.colour(0.8, 0.8, 0.8)]],
  ['letter-boxed', () => [V.letterbox(16 / 9)]],
  ['shown on a phone and screenshotted', () => [V.phoneScreenshot()], 'png'],
  ['regenerated lightly (blur, noise, JPEG 80)', () => [V.regenerate(3)]],
];

describe('reference matching: each transform alone', () => {
  SINGLE.forEach(([label, steps, format], i) => {
    it(`${label}: derived found, the painted crack and stain localised, no edit on the plain copy`, async (t) => {
      const plain = await derivedCase(SOURCES[i % 3]!, steps(), undefined, format);
      const crack = await derivedCase(SOURCES[(i + 1) % 3]!, steps(), 'crack', format);
      const stain = await derivedCase(SOURCES[(i + 2) % 3]!, steps(), 'stain', format);
      t.diagnostic(`IoU crack ${crack.iou!.toFixed(2)}, stain ${stain.iou!.toFixed(2)}`);
      assert.ok(crack.iou! >= 0.5, `crack IoU ${crack.iou}`);
      assert.ok(stain.iou! >= 0.5, `stain IoU ${stain.iou}`);
      assert.ok(plain.report.verdict === 'suspicious');
    });
  });
});

/** Transforms drawn for the random combinations (screenshots and letter-boxing last, as a buyer would do). */
const POOL: readonly ((next: () => number) => V.Step)[] = [
  (n) => V.jpeg(60 + Math.round(n() * 30)),
  (n) => V.scale(0.3 + n() * 0.5),
  (n) => V.crop(0.7 + n() * 0.25, n(), n()),
  (n) => V.rotate(Math.round((n() * 2 - 1) * 10)),
  () => V.mirror(),
  (n) => V.colour(0.8 + n() * 0.4, 0.8 + n() * 0.4, 0.8 + n() * 0.4),
  (n) => V.regenerate(Math.floor(n() * 1000)),
  (n) => V.letterbox(n() < 0.5 ? 1 : 16 / 9, n() < 0.5 ? '#000000' : '#ffffff'),
];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('reference matching: random combinations (seeded)', () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`combination #${seed}`, async (t) => {
      const next = seeded(seed * 7919);
      const picks = new Set<number>();
      while (picks.size < 3) picks.add(Math.floor(next() * POOL.length));
      const steps = [...picks].sort((a, b) => a - b).map((k) => POOL[k]!(next));
      const damage = seed % 3 === 0 ? undefined : seed % 3 === 1 ? 'crack' : 'stain';
      const outcome = await derivedCase(SOURCES[seed % 3]!, steps, damage);
      t.diagnostic(
        `${steps.map((s) => s.name).join(' + ')}${damage ? ` + ${damage}: IoU ${outcome.iou!.toFixed(2)}` : ''}`,
      );
      if (damage) assert.ok(outcome.iou! > 0, 'the regions miss the painted area');
    });
  }
});

describe('reference matching: what is not derived', () => {
  const notDerived = async (name: string, bytes: Uint8Array) => {
    const report = await checkBytes(name, bytes);
    assert.equal(finding(report, 'reference.derived_from_listing'), undefined, `${name} found derived`);
    assert.equal(finding(report, 'reference.local_edit'), undefined, name);
    return report;
  };

  it('other shots of the same product (another angle, worn instead of flat) are not derived', async () => {
    for (const file of ['cap-red-side.jpg', 'cap-red-back.jpg', 'hoodie-red-worn.jpg']) {
      await notDerived(file, readFileSync(fixturePath('listing', file)));
    }
  });

  it('the same product photographed in a scene is not derived', async () => {
    const scene = await sharp(readFileSync(fixturePath('camera', 'nikon-z5-offset-time.jpg')))
      .rotate()
      .resize(1200)
      .toBuffer();
    const paste = async (file: string) => {
      const product = await sharp(readFileSync(fixturePath('listing', file)))
        .resize(520)
        .toBuffer();
      return sharp(scene)
        .composite([{ input: product, left: 300, top: 160 }])
        .jpeg({ quality: 85 })
        .toBuffer();
    };
    await notDerived('side view in a scene', await paste('cap-red-side.jpg'));
    await notDerived('back view in a scene', await paste('cap-red-back.jpg'));
  });

  it('unrelated camera photos are not derived and stay clean', async () => {
    for (const file of ['nikon-z5-offset-time.jpg', 'oppo-r7-plus.jpg', 'canon-digital-ixus.jpg']) {
      const report = await notDerived(file, readFileSync(fixturePath('camera', file)));
      assert.equal(report.verdict, 'clean', file);
    }
  });
});

describe('reference matching: real files through the whole pipeline', () => {
  it('the rendered phone screenshot of the tote listing photo is derived from it, without local edits', async () => {
    const bytes = readFileSync(fixturePath('synthetic', 'screenshot-phone-1170x2532.png'));
    const report = await checkBytes('screenshot-phone-1170x2532.png', bytes, true);
    const derived = finding(report, 'reference.derived_from_listing');
    assert.equal(derived?.ref?.file, 'tote-bag-black.jpg');
    assert.equal(finding(report, 'reference.local_edit'), undefined);
    assert.equal(report.verdict, 'suspicious');
  });

  it('decodes a JPEG claim once, at 640 px, and shrinks the preview from it: the tamper working image comes from its DCT coefficients', async () => {
    let variant = await V.decodeRgb(readFileSync(fixturePath('listing', 'cap-red-front.jpg')));
    variant = await V.paint(variant, 'stain', { cx: 0.45, cy: 0.5, size: 0.25, seed: 7 });
    const bytes = await V.encode(await V.applySteps(variant, [V.rotate(4)]), 'jpeg');
    const decodes: string[] = [];
    const counting = watchingDecodes(bytes, (event) => decodes.push(event));
    const report = await checkPhoto({ file: 'cap.jpg', bytes, sha256: sha256(bytes) }, counting, { references });
    assert.equal(finding(report, 'reference.derived_from_listing')?.ref?.file, 'cap-red-front.jpg');
    assert.ok(finding(report, 'reference.local_edit')?.regions?.length, 'stain not localised');
    assert.deepEqual(decodes, ['decode 640', 'shrink 256']);
    assert.equal((report.facts.tamper as { working?: string } | undefined)?.working, 'coefficients');
  });

  it('starts the decode before any signal runs, at the matcher size whether or not a signal matches', async () => {
    const bytes = await V.encode(
      await V.applySteps(await V.decodeRgb(readFileSync(fixturePath('listing', 'tote-bag-black.jpg'))), [V.scale(0.8)]),
      'jpeg',
    );
    const events: string[] = [];
    const marker = {
      name: 'marker',
      run: () => {
        events.push('signals');
        return { findings: [] };
      },
    };
    const input = { file: 'tote.jpg', bytes, sha256: sha256(bytes) };
    const recording = watchingDecodes(bytes, (event) => events.push(event));
    const report = await checkPhoto(input, recording, { references, signals: [marker, ...REFERENCE_SIGNALS] });
    assert.equal(finding(report, 'reference.derived_from_listing')?.ref?.file, 'tote-bag-black.jpg');
    assert.deepEqual(events, ['decode 640', 'shrink 256', 'signals']);
    events.length = 0;
    await checkPhoto(input, recording, { references, signals: [marker] });
    assert.deepEqual(events, ['decode 640', 'shrink 256', 'signals']);
    // A decoder that cannot shrink pixels decodes the preview itself, and the matcher size only for a matching signal.
    events.length = 0;
    const twice = watchingDecodes(bytes, (event) => events.push(event), false);
    await checkPhoto(input, twice, { references, signals: [marker, ...REFERENCE_SIGNALS] });
    assert.deepEqual(events, ['decode 640', 'decode 256', 'signals']);
    events.length = 0;
    await checkPhoto(input, twice, { references, signals: [marker] });
    assert.deepEqual(events, ['decode 256', 'signals']);
  });

  it('reports the transform, the frame share and a heat map, regions inside the photo', async () => {
    const { report } = await derivedCase('jacket-green.jpg', [V.mirror(), V.rotate(6), V.scale(0.5)], 'stain');
    const facts = finding(report, 'reference.derived_from_listing')!.facts as {
      transform: { scale: number; rotationDeg: number; mirrored: boolean };
      frameShare: number;
    };
    assert.ok(Math.abs(facts.transform.scale - 0.5) < 0.03, JSON.stringify(facts.transform));
    assert.ok(Math.abs(facts.transform.rotationDeg - 6) < 1, JSON.stringify(facts.transform));
    assert.equal(facts.transform.mirrored, true);
    assert.ok(facts.frameShare > 0.5 && facts.frameShare <= 1, String(facts.frameShare));
    const edit = finding(report, 'reference.local_edit')!;
    assert.match(String(edit.facts?.heatmapPng), /^data:image\/png;base64,iVBORw0KGgo/);
    for (const r of edit.regions!) {
      assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= report.width && r.y + r.h <= report.height, JSON.stringify(r));
    }
  });
});
