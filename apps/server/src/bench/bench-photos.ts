import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';

/**
 * Makes (once, into `.bench/photos-12mp/`) twenty phone-like 12 MP JPEGs from the real camera and listing fixtures:
 * 4000×3000, quality 92, 4:2:0, with EXIF (camera make/model, capture time) and an sRGB ICC profile, like the
 * photos PERF-NOTES.md measured. Deterministic: same inputs, same bytes.
 * @returns the paths of the twenty files
 */
export async function twelveMegapixelPhotos(count = 20): Promise<string[]> {
  const dir = join(REPO_ROOT, '.bench', 'photos-12mp-v2');
  mkdirSync(dir, { recursive: true });
  const sources = ['camera', 'listing']
    .flatMap((area) => readdirSync(fixturePath(area)).map((f) => fixturePath(area, f)))
    .filter((f) => /\.(jpe?g)$/i.test(f))
    .sort();
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `photo-${String(i + 1).padStart(2, '0')}.jpg`);
    paths.push(path);
    if (existsSync(path)) continue;
    const source = sources[i % sources.length]!;
    // Vary each copy (mirror, tint) so no two files are identical. Going through raw pixels drops the source's
    // EXIF thumbnail, which would otherwise (rightly) no longer match the cropped, tinted picture.
    let image = sharp(readFileSync(source)).rotate().resize(4000, 3000, { fit: 'cover' });
    if (i >= sources.length) image = image.flop();
    const { data, info } = await image
      .modulate({ brightness: 1 + (i % 5) * 0.02 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .withIccProfile('srgb')
      .withExif({
        IFD0: { Make: 'Proofdesk Bench', Model: `Phone ${i + 1}`, Software: '17.1' },
        IFD2: {
          DateTimeOriginal: `2026:05:${String((i % 28) + 1).padStart(2, '0')} 10:00:00`,
          OffsetTimeOriginal: '+08:00',
        },
      })
      .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
      .toBuffer();
    writeFileSync(path, jpeg);
  }
  return paths;
}
