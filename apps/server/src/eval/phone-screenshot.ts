/**
 * A phone screenshot of a photo, composed with sharp (no browser): real phone screen sizes, a status bar (time,
 * signal, Wi-Fi, battery drawn as shapes, no fonts so the pixels are the same on every machine), an app bar, the
 * photo at full width with rounded corners, shop-page chrome below it, and the screen's rounded corners.
 */
import sharp from 'sharp';
import type { Rng } from './prng.js';
import { emptyMask, type MaskRaster, type RgbRaster } from './raster.js';
import { sharpMask, sharpRgb } from './sharp-raster.js';

/** Screen sizes of common phones, in pixels (portrait). */
export const PHONE_SCREENS = [
  { name: 'iphone-13', width: 1170, height: 2532 },
  { name: 'iphone-15', width: 1179, height: 2556 },
  { name: 'iphone-max', width: 1284, height: 2778 },
  { name: 'android-fhd', width: 1080, height: 2400 },
  { name: 'android-2340', width: 1080, height: 2340 },
  { name: 'android-hd', width: 720, height: 1600 },
] as const;

interface Theme {
  readonly name: string;
  readonly page: string;
  readonly bar: string;
  readonly ink: string;
  readonly faint: string;
}

const THEMES: readonly Theme[] = [
  { name: 'light', page: '#ffffff', bar: '#f7f7f7', ink: '#111111', faint: '#d9d9d9' },
  { name: 'dark', page: '#000000', bar: '#1c1c1e', ink: '#f2f2f2', faint: '#3a3a3c' },
  { name: 'brand', page: '#f4f4f4', bar: '#ff5000', ink: '#ffffff', faint: '#dddddd' },
];

/** The status bar, app bar and page chrome as SVG; the photo's place is left empty. */
function chromeSvg(
  width: number,
  height: number,
  theme: Theme,
  statusH: number,
  barH: number,
  below: number,
  rng: Rng,
) {
  const u = width / 100;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="${theme.page}"/>`];
  const statusFill = theme.name === 'brand' ? theme.bar : theme.page;
  parts.push(`<rect width="${width}" height="${statusH + barH}" fill="${statusFill}"/>`);
  if (theme.name !== 'brand')
    parts.push(`<rect y="${statusH}" width="${width}" height="${barH}" fill="${theme.bar}"/>`);
  const glyph = theme.ink;
  const mid = statusH * 0.55;
  // Time "9:41" as four digit-sized blocks and a colon.
  for (let i = 0; i < 4; i++) {
    const x = 6 * u + i * 2.4 * u + (i >= 2 ? 1.2 * u : 0);
    parts.push(
      `<rect x="${x}" y="${mid - 1.6 * u}" width="${1.9 * u}" height="${3.2 * u}" rx="${0.5 * u}" fill="${glyph}"/>`,
    );
  }
  parts.push(`<circle cx="${6 * u + 5.4 * u}" cy="${mid - 0.7 * u}" r="${0.3 * u}" fill="${glyph}"/>`);
  parts.push(`<circle cx="${6 * u + 5.4 * u}" cy="${mid + 0.7 * u}" r="${0.3 * u}" fill="${glyph}"/>`);
  // Signal bars, Wi-Fi wedge, battery.
  for (let i = 0; i < 4; i++) {
    const h = (0.8 + i * 0.6) * u;
    parts.push(
      `<rect x="${72 * u + i * 1.3 * u}" y="${mid + 1.4 * u - h}" width="${0.9 * u}" height="${h}" rx="${0.2 * u}" fill="${glyph}"/>`,
    );
  }
  parts.push(
    `<path d="M ${79 * u} ${mid - 1.2 * u} L ${83 * u} ${mid - 1.2 * u} L ${81 * u} ${mid + 1.4 * u} Z" fill="${glyph}"/>`,
  );
  const level = rng.uniform(0.2, 1);
  parts.push(
    `<rect x="${86 * u}" y="${mid - 1.2 * u}" width="${6 * u}" height="${2.6 * u}" rx="${0.7 * u}" fill="none" stroke="${glyph}" stroke-width="${0.25 * u}"/>`,
  );
  parts.push(
    `<rect x="${86.5 * u}" y="${mid - 0.7 * u}" width="${5 * u * level}" height="${1.6 * u}" rx="${0.3 * u}" fill="${glyph}"/>`,
  );
  // App bar: back chevron, a title placeholder, share and more icons.
  const barMid = statusH + barH / 2;
  parts.push(
    `<path d="M ${6 * u} ${barMid - 2.5 * u} L ${3.5 * u} ${barMid} L ${6 * u} ${barMid + 2.5 * u}" fill="none" stroke="${glyph}" stroke-width="${0.6 * u}" stroke-linecap="round" stroke-linejoin="round"/>`,
  );
  parts.push(
    `<rect x="${35 * u}" y="${barMid - 1.3 * u}" width="${30 * u}" height="${2.6 * u}" rx="${1.3 * u}" fill="${glyph}" opacity="0.85"/>`,
  );
  parts.push(
    `<circle cx="${88 * u}" cy="${barMid}" r="${1.8 * u}" fill="none" stroke="${glyph}" stroke-width="${0.5 * u}"/>`,
  );
  // Page below the photo: price, title lines, a bottom bar with two buttons, the home indicator.
  const ink = theme.name === 'dark' ? '#f2f2f2' : '#222222';
  parts.push(
    `<rect x="${4 * u}" y="${below + 3 * u}" width="${26 * u}" height="${6 * u}" rx="${1 * u}" fill="#e4393c"/>`,
  );
  for (let i = 0; i < rng.int(2, 4); i++) {
    const w = rng.uniform(50, 90) * u;
    parts.push(
      `<rect x="${4 * u}" y="${below + (13 + i * 5) * u}" width="${w}" height="${2.6 * u}" rx="${1.3 * u}" fill="${ink}" opacity="0.8"/>`,
    );
  }
  const bottomH = 16 * u;
  parts.push(`<rect y="${height - bottomH}" width="${width}" height="${bottomH}" fill="${theme.bar}"/>`);
  parts.push(
    `<rect x="${40 * u}" y="${height - bottomH + 3 * u}" width="${27 * u}" height="${8 * u}" rx="${4 * u}" fill="#ff9500"/>`,
  );
  parts.push(
    `<rect x="${69 * u}" y="${height - bottomH + 3 * u}" width="${27 * u}" height="${8 * u}" rx="${4 * u}" fill="#e4393c"/>`,
  );
  parts.push(
    `<rect x="${35 * u}" y="${height - 2.2 * u}" width="${30 * u}" height="${1 * u}" rx="${0.5 * u}" fill="${ink}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

/** True when (x, y) lies inside the rounded rectangle (x0, y0, w, h, radius r). */
function insideRounded(x: number, y: number, x0: number, y0: number, w: number, h: number, r: number): boolean {
  const dx = Math.max(x0 + r - x, 0, x - (x0 + w - r));
  const dy = Math.max(y0 + r - y, 0, y - (y0 + h - r));
  return dx * dx + dy * dy <= r * r;
}

/**
 * Shows `image` in a phone screenshot; the mask (when given) moves with the photo and loses what the rounded
 * corners hide. Returns the screenshot, its mask and the drawn parameters.
 */
export async function phoneScreenshot(
  image: RgbRaster,
  mask: MaskRaster | undefined,
  rng: Rng,
): Promise<{ image: RgbRaster; mask?: MaskRaster; params: Record<string, number | string> }> {
  const screen = rng.pick(PHONE_SCREENS);
  const theme = rng.pick(THEMES);
  const { width: W, height: H } = screen;
  const statusH = Math.round(W * rng.uniform(0.075, 0.12));
  const barH = Math.round(W * rng.uniform(0.11, 0.15));
  const margin = rng.chance(0.5) ? 0 : Math.round(W * 0.04);
  let pw = W - 2 * margin;
  let ph = Math.round((pw * image.height) / image.width);
  const maxH = Math.round(H * 0.6);
  if (ph > maxH) {
    ph = maxH;
    pw = Math.round((ph * image.width) / image.height);
  }
  const ox = Math.round((W - pw) / 2);
  const oy = statusH + barH + (margin > 0 ? margin : 0);
  const corner = rng.pick([0, Math.round(W * 0.02), Math.round(W * 0.04)]);
  const screenCorner = Math.round(W * 0.09);
  const svg = chromeSvg(W, H, theme, statusH, barH, oy + ph, rng);
  const { data: chrome } = await sharp(Buffer.from(svg))
    .flatten({ background: theme.page })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const photo = await sharpRgb(image, (s) => s.resize(pw, ph, { fit: 'fill', kernel: 'lanczos3' }));
  const photoMask = mask && (await sharpMask(mask, (s) => s.resize(pw, ph, { fit: 'fill', kernel: 'linear' })));
  const out = new Uint8Array(chrome.buffer, chrome.byteOffset, W * H * 3).slice();
  const outMask = photoMask ? emptyMask(W, H) : undefined;
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) {
      if (corner > 0 && !insideRounded(x + 0.5, y + 0.5, 0, 0, pw, ph, corner)) continue;
      const k = ((oy + y) * W + ox + x) * 3;
      const s = (y * pw + x) * 3;
      out[k] = photo.data[s]!;
      out[k + 1] = photo.data[s + 1]!;
      out[k + 2] = photo.data[s + 2]!;
      if (outMask && photoMask) outMask.data[(oy + y) * W + ox + x] = photoMask.data[y * pw + x]!;
    }
  }
  // The screen's own rounded corners: black outside.
  for (let y = 0; y < H; y++) {
    if (y >= screenCorner && y < H - screenCorner) continue;
    for (let x = 0; x < W; x++) {
      if (insideRounded(x + 0.5, y + 0.5, 0, 0, W, H, screenCorner)) continue;
      out.fill(0, (y * W + x) * 3, (y * W + x) * 3 + 3);
      if (outMask) outMask.data[y * W + x] = 0;
    }
  }
  return {
    image: { width: W, height: H, data: out },
    ...(outMask ? { mask: outMask } : {}),
    params: { screen: screen.name, theme: theme.name, photoX: ox, photoY: oy, photoW: pw, photoH: ph, corner },
  };
}
