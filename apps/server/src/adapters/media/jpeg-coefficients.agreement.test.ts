import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import sharp from 'sharp';
import { readJpegCoefficients } from '@proofdesk/forensics';
import { REPO_ROOT, fixturePath } from '../../testing/paths.js';

/**
 * The pure coefficient reader against libjpeg-turbo (through sharp): the DC coefficient of each luma block,
 * dequantised, is the block's mean luma, which a full decode gives independently. Any desynchronised Huffman
 * decode, missed restart marker or wrong block order shows up as a large difference.
 */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const corpus = join(REPO_ROOT, '..', 'shared', 'data', 'images', 'metadata');
const files = [
  ...['camera', 'decode', 'synthetic'].flatMap((d) => walk(fixturePath(d))),
  ...(existsSync(corpus) ? walk(corpus) : []),
].filter((f) => /\.jpe?g$/i.test(f));

/**
 * Median |DC-derived block mean − libjpeg block mean| over the whole blocks of the luma plane, in grey levels (the
 * median, because RGB clipping of saturated colours legitimately moves some blocks' means).
 */
async function disagreement(bytes: Buffer): Promise<number | undefined> {
  const result = readJpegCoefficients(bytes, { keep: 1 });
  if (!result.ok) return undefined;
  const { components, hMax, vMax } = result.coefficients;
  const luma = components[0]!;
  if (luma.h !== hMax || luma.v !== vMax) return undefined; // a subsampled first component: not a YCbCr photo
  const { data, info } = await sharp(bytes, { autoOrient: false, ignoreIcc: true, failOn: 'error' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const wide = Math.floor(width / 8);
  const high = Math.floor(height / 8);
  if (wide * high === 0) return undefined;
  const differences: number[] = [];
  for (let by = 0; by < high; by++) {
    for (let bx = 0; bx < wide; bx++) {
      let sum = 0;
      for (let y = by * 8; y < by * 8 + 8; y++) {
        for (let x = bx * 8; x < bx * 8 + 8; x++) {
          const i = (y * width + x) * channels;
          sum += channels >= 3 ? 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]! : data[i]!;
        }
      }
      const dc = 128 + (luma.values[by * luma.blocksWide + bx]! * luma.quant[0]!) / 8;
      differences.push(Math.abs(sum / 64 - Math.max(0, Math.min(255, dc))));
    }
  }
  return differences.sort((a, b) => a - b)[differences.length >> 1]!;
}

it('every sequential JPEG in the fixtures and the shared corpus decodes to the block means libjpeg gives', async (t) => {
  const problems: string[] = [];
  let compared = 0;
  let withRestarts = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    let d: number | undefined;
    try {
      d = await disagreement(bytes);
    } catch {
      continue; // sharp refuses it (truncated stubs, broken files): nothing to compare with
    }
    if (d === undefined) continue;
    compared++;
    if (bytes.includes(Buffer.from([0xff, 0xdd]))) withRestarts++;
    // Colour conversion keeps block means a fraction of a level apart; a desynchronised decode is tens of levels off.
    if (!(d < 1)) problems.push(`${relative(REPO_ROOT, file)}: ${d.toFixed(2)}`);
  }
  t.diagnostic(`compared ${compared} JPEGs, ${withRestarts} of them with a DRI segment`);
  assert.deepEqual(problems, []);
  assert.ok(compared >= 40, `compared only ${compared}`);
});
