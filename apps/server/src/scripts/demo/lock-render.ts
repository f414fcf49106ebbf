/**
 * Product renders of the demo brand's smart locks, drawn as SVG and rasterised by sharp: the demo workspace's
 * listing and packing photos. Deterministic: the same model always gives the same picture.
 */

/** One smart-lock model as the demo shop lists it. */
export interface LockModel {
  readonly sku: string;
  readonly body: readonly [string, string];
  readonly accent: string;
  readonly keypad: 'digits' | 'none';
  readonly reader: 'fingerprint' | 'face';
}

export const DEMO_LOCKS: readonly LockModel[] = [
  { sku: 'AT-S1', body: ['#3a3f47', '#16191d'], accent: '#c8a46a', keypad: 'digits', reader: 'fingerprint' },
  { sku: 'AT-F2', body: ['#d9dce1', '#9ea3ab'], accent: '#2f6fd6', keypad: 'digits', reader: 'face' },
  { sku: 'AT-K1', body: ['#5b4636', '#2b2019'], accent: '#e0c08a', keypad: 'none', reader: 'fingerprint' },
];

function keypad(x: number, y: number, accent: string): string {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
  return keys
    .map((k, i) => {
      const cx = x + (i % 3) * 78;
      const cy = y + Math.floor(i / 3) * 70;
      return `<circle cx="${cx}" cy="${cy}" r="24" fill="none" stroke="${accent}" stroke-opacity="0.55" stroke-width="2"/>
<text x="${cx}" y="${cy + 10}" font-family="DejaVu Sans" font-size="28" fill="#f4f4f4" fill-opacity="0.85" text-anchor="middle">${k}</text>`;
    })
    .join('\n');
}

function reader(kind: LockModel['reader'], cx: number, cy: number, accent: string): string {
  if (kind === 'face')
    return `<rect x="${cx - 70}" y="${cy - 40}" width="140" height="80" rx="40" fill="#0b0d10"/>
<circle cx="${cx - 30}" cy="${cy}" r="14" fill="#1d2a3a" stroke="${accent}" stroke-width="3"/>
<circle cx="${cx + 30}" cy="${cy}" r="9" fill="#2a3344"/>`;
  const ridges = [12, 20, 28, 36]
    .map(
      (r) =>
        `<ellipse cx="${cx}" cy="${cy}" rx="${r * 0.8}" ry="${r}" fill="none" stroke="${accent}" stroke-width="2.5"/>`,
    )
    .join('');
  return `<rect x="${cx - 48}" y="${cy - 58}" width="96" height="116" rx="22" fill="#0b0d10"/>${ridges}`;
}

/**
 * A listing photo: the lock on a soft white studio background, 1000×1300.
 */
export function listingSvg(model: LockModel): string {
  const [top, bottom] = model.body;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1300" viewBox="0 0 1000 1300">
<defs>
  <radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#e9ebee"/></radialGradient>
  <linearGradient id="body" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
  <linearGradient id="handle" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f0f0f0"/><stop offset="1" stop-color="#8d9096"/></linearGradient>
  <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="18"/></filter>
</defs>
<rect width="1000" height="1300" fill="url(#bg)"/>
<ellipse cx="500" cy="1215" rx="230" ry="26" fill="#000" fill-opacity="0.18" filter="url(#shadow)"/>
<rect x="330" y="110" width="340" height="1080" rx="60" fill="url(#body)"/>
<rect x="346" y="126" width="308" height="1048" rx="50" fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="3"/>
<text x="500" y="215" font-family="DejaVu Sans" font-weight="bold" font-size="40" letter-spacing="8" fill="${model.accent}" text-anchor="middle">ANTU</text>
<text x="500" y="255" font-family="DejaVu Sans" font-size="22" fill="#ffffff" fill-opacity="0.6" text-anchor="middle">${model.sku}</text>
${model.keypad === 'digits' ? keypad(422, 330, model.accent) : '<rect x="400" y="300" width="200" height="260" rx="18" fill="#0b0d10" fill-opacity="0.65"/>'}
${reader(model.reader, 500, 690, model.accent)}
<rect x="170" y="820" width="300" height="70" rx="35" fill="url(#handle)"/>
<rect x="420" y="800" width="100" height="110" rx="30" fill="url(#handle)"/>
<rect x="460" y="1010" width="80" height="110" rx="14" fill="#0b0d10" fill-opacity="0.7"/>
<circle cx="500" cy="1065" r="16" fill="none" stroke="${model.accent}" stroke-width="3"/>
</svg>`;
}

/**
 * A packing photo: the boxed lock on a warehouse table with a shipping label, 1200×900, as the merchant photographs
 * each parcel before it leaves.
 */
export function packingSvg(model: LockModel, orderRef: string): string {
  const [top, bottom] = model.body;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">
<defs>
  <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b99a76"/><stop offset="1" stop-color="#8a6d4e"/></linearGradient>
  <linearGradient id="body" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
</defs>
<rect width="1200" height="900" fill="url(#table)"/>
<rect x="180" y="120" width="840" height="640" fill="#d7b98e" stroke="#9c7b52" stroke-width="6"/>
<rect x="180" y="410" width="840" height="50" fill="#c9a575" fill-opacity="0.8"/>
<rect x="260" y="180" width="200" height="520" rx="30" fill="url(#body)"/>
<text x="360" y="240" font-family="DejaVu Sans" font-weight="bold" font-size="26" letter-spacing="5" fill="${model.accent}" text-anchor="middle">ANTU</text>
<rect x="560" y="200" width="380" height="240" fill="#ffffff" stroke="#333" stroke-width="2"/>
<text x="580" y="245" font-family="DejaVu Sans Mono" font-size="26" fill="#111">EXPRESS  ${model.sku}</text>
<text x="580" y="290" font-family="DejaVu Sans Mono" font-size="22" fill="#111">REF ${orderRef}</text>
${Array.from({ length: 28 }, (_, i) => `<rect x="${585 + i * 12}" y="320" width="${(i * 7) % 3 === 0 ? 7 : 4}" height="90" fill="#111"/>`).join('')}
<rect x="560" y="500" width="380" height="200" fill="#f3efe6" stroke="#555" stroke-width="2"/>
<text x="580" y="560" font-family="DejaVu Sans" font-size="24" fill="#333">FRAGILE  /  THIS SIDE UP</text>
<text x="580" y="610" font-family="DejaVu Sans" font-size="20" fill="#555">SN ${model.sku}-${orderRef.slice(-6)}</text>
</svg>`;
}
