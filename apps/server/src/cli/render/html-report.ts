import {
  FINDING_CATALOGUE,
  type Finding,
  type Lang,
  type LocalizedText,
  type PhotoReport,
  type Region,
} from '@proofdesk/forensics';
import { SEVERITY_LABEL, UI, VERDICT_LABEL } from './labels.js';

/** A thumbnail to embed: a data URI and its pixel size (the size the regions are scaled to). */
export interface Thumbnail {
  readonly dataUri: string;
  readonly width: number;
  readonly height: number;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function both(t: LocalizedText | Record<Lang, string>): string {
  return `<span lang="zh-CN">${escapeHtml(t.zh)}</span><span lang="en">${escapeHtml(t.en)}</span>`;
}

function regionBoxes(finding: Finding, report: PhotoReport, thumb: Thumbnail): string {
  if (!finding.regions?.length || report.width === 0) return '';
  const sx = thumb.width / report.width;
  const sy = thumb.height / report.height;
  return finding.regions
    .map(
      (r) =>
        `<div class="region" style="left:${(r.x * sx).toFixed(1)}px;top:${(r.y * sy).toFixed(1)}px;width:${(r.w * sx).toFixed(1)}px;height:${(r.h * sy).toFixed(1)}px" title="${escapeHtml(finding.code)}"></div>`,
    )
    .join('');
}

/** A finding's heat map (a PNG data URI in `facts.heatmapPng`), if it has one. */
function heatmapOf(f: Finding): string | undefined {
  const uri = f.facts?.['heatmapPng'];
  return typeof uri === 'string' && uri.startsWith('data:image/png;base64,') ? uri : undefined;
}

/**
 * For a photo derived from a reference: the reference's thumbnail beside the photo, with the changed regions
 * outlined in the reference's own coordinates.
 */
function renderReferenceThumb(report: PhotoReport, references: ReadonlyMap<string, Thumbnail>): string {
  const derived = report.findings.find((f) => f.code === 'reference.derived_from_listing');
  const thumb = derived?.ref ? references.get(derived.ref.file) : undefined;
  if (!derived?.ref || !thumb) return '';
  const size = derived.facts?.['referenceSize'] as { width: number; height: number } | undefined;
  const edit = report.findings.find((f) => f.code === 'reference.local_edit');
  const boxes = (edit?.facts?.['referenceRegions'] as Region[] | undefined) ?? [];
  const sx = size ? thumb.width / size.width : 0;
  const sy = size ? thumb.height / size.height : 0;
  const outlines = boxes
    .map(
      (r) =>
        `<div class="region" style="left:${(r.x * sx).toFixed(1)}px;top:${(r.y * sy).toFixed(1)}px;width:${(r.w * sx).toFixed(1)}px;height:${(r.h * sy).toFixed(1)}px"></div>`,
    )
    .join('');
  return `<figure class="ref-figure"><div class="thumb" style="width:${thumb.width}px;height:${thumb.height}px"><img src="${thumb.dataUri}" width="${thumb.width}" height="${thumb.height}" alt="${escapeHtml(derived.ref.file)}">${outlines}</div><figcaption class="meta">${both(UI.reference)}: ${escapeHtml(derived.ref.file)}</figcaption></figure>`;
}

function renderFinding(f: Finding): string {
  const regions = f.regions?.length
    ? `<p class="meta">${both(UI.regions)}: ${f.regions.map((r) => `(${r.x},${r.y} ${r.w}×${r.h})`).join(' ')}</p>`
    : '';
  const ref = f.ref ? `<p class="meta">${both(UI.reference)}: ${escapeHtml(f.ref.file)} (${f.ref.distance})</p>` : '';
  const heatmap = heatmapOf(f);
  const heatmapImage = heatmap
    ? `<p><img class="heatmap" src="${heatmap}" alt="heat map"> <span class="meta">${both(UI.heatmap)}</span></p>`
    : '';
  const shownFacts = heatmap
    ? Object.fromEntries(Object.entries(f.facts!).filter(([k]) => k !== 'heatmapPng'))
    : f.facts;
  const facts = shownFacts
    ? `${heatmapImage}<details><summary>${both(UI.facts)}</summary><pre>${escapeHtml(JSON.stringify(shownFacts, null, 2))}</pre></details>`
    : heatmapImage;
  return `<li class="finding sev-${f.severity}">
  <div class="finding-head"><span class="badge sev-${f.severity}">${both(SEVERITY_LABEL[f.severity])}</span> <strong>${both(f.title)}</strong> <code>${escapeHtml(f.code)}</code> <span class="score">${f.score.toFixed(2)}</span></div>
  <p>${both(f.detail)}</p>
  <p class="meta">${both(UI.doesNotMean)}: ${both(FINDING_CATALOGUE[f.code].doesNotMean)}</p>${regions}${ref}${facts}
</li>`;
}

function renderReport(
  report: PhotoReport,
  index: number,
  total: number,
  thumb: Thumbnail | undefined,
  references: ReadonlyMap<string, Thumbnail>,
): string {
  const claim = thumb
    ? `<div class="thumb" style="width:${thumb.width}px;height:${thumb.height}px"><img src="${thumb.dataUri}" width="${thumb.width}" height="${thumb.height}" alt="${escapeHtml(report.file)}">${report.findings.map((f) => regionBoxes(f, report, thumb)).join('')}</div>`
    : '<div class="thumb missing">—</div>';
  const reference = renderReferenceThumb(report, references);
  const image = reference
    ? `<div class="pair"><figure>${claim}<figcaption class="meta">${both(UI.claimPhoto)}</figcaption></figure>${reference}</div>`
    : claim;
  const findings = report.findings.length
    ? `<ol class="findings">${report.findings.map(renderFinding).join('\n')}</ol>`
    : `<p>${both(UI.noFindings)}</p>`;
  const size = report.width > 0 ? ` · ${report.width}×${report.height}` : '';
  return `<section class="photo verdict-${report.verdict}">
  <h2>${both(UI.photo)} ${index + 1}/${total}: ${escapeHtml(report.file)}</h2>
  <div class="row">${image}
  <div class="body">
    <p class="verdict">${both(UI.verdict)}: <span class="badge v-${report.verdict}">${both(VERDICT_LABEL[report.verdict])}</span> <span class="score">${both(UI.score)} ${report.score.toFixed(2)}</span></p>
    <p class="meta">${escapeHtml(report.format.toUpperCase())}${size} · sha256 <code>${escapeHtml(report.sha256)}</code></p>
    ${findings}
    <details><summary>${both(UI.facts)}</summary><pre>${escapeHtml(JSON.stringify(report.facts, null, 2))}</pre></details>
  </div></div>
</section>`;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1f2329}
header{background:#fff;padding:16px 24px;border-bottom:1px solid #e5e6eb;display:flex;justify-content:space-between;align-items:center}
h1{font-size:20px;margin:0}h2{font-size:16px;margin:0 0 12px;word-break:break-all}
main{padding:16px 24px;max-width:1200px}
.photo{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;border-left:6px solid #c9cdd4}
.verdict-clean{border-left-color:#00b42a}.verdict-suspicious{border-left-color:#ff7d00}.verdict-forged{border-left-color:#f53f3f}.verdict-error{border-left-color:#86909c}
.row{display:flex;gap:16px;align-items:flex-start}.body{flex:1;min-width:0}
.thumb{position:relative;flex:none;background:#eee}.thumb img{display:block}.thumb.missing{width:160px;height:120px;display:flex;align-items:center;justify-content:center}
.region{position:absolute;border:2px solid #f53f3f;box-shadow:0 0 0 1px #fff}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;background:#86909c}
.v-clean{background:#00b42a}.v-suspicious{background:#ff7d00}.v-forged{background:#f53f3f}
.sev-high.badge{background:#f53f3f}.sev-warn.badge{background:#ff7d00}.sev-info.badge{background:#4080ff}
.findings{padding-left:20px}.finding{margin-bottom:10px}.finding p{margin:4px 0}
.meta,.score,code{color:#4e5969;font-size:12px}pre{white-space:pre-wrap;word-break:break-all;font-size:11px;background:#f7f8fa;padding:8px}
.disclaimer{color:#4e5969;font-size:13px}
.pair{display:flex;gap:8px;flex:none}.pair figure{margin:0}.heatmap{image-rendering:pixelated;border:1px solid #e5e6eb;vertical-align:middle}
body.lang-zh [lang=en],body.lang-en [lang=zh-CN]{display:none}
button{font:inherit;padding:4px 12px;cursor:pointer}
`;

/**
 * Renders a self-contained HTML report (no external resources): a thumbnail per photo with any regions outlined,
 * the verdict, every finding in both languages (switchable in the page), and the raw facts.
 * @param thumbnails by report index; a missing one renders a placeholder
 * @param referenceThumbnails by reference file name (`Finding.ref.file`): shown beside photos derived from them
 */
export function renderHtmlReport(
  reports: readonly PhotoReport[],
  thumbnails: readonly (Thumbnail | undefined)[],
  lang: Lang,
  generatedAt: Date,
  referenceThumbnails: ReadonlyMap<string, Thumbnail> = new Map(),
): string {
  const sections = reports
    .map((r, i) => renderReport(r, i, reports.length, thumbnails[i], referenceThumbnails))
    .join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(UI.reportTitle[lang])}</title>
<style>${STYLE}</style></head>
<body class="lang-${lang}">
<header><h1>${both(UI.reportTitle)}</h1>
<div><span class="meta">${both(UI.generatedAt)} ${escapeHtml(generatedAt.toISOString())}</span>
<button type="button" onclick="document.body.classList.toggle('lang-zh');document.body.classList.toggle('lang-en')">中文 / English</button></div></header>
<main>
<p class="disclaimer">${both(UI.disclaimer)}</p>
${sections}
</main>
</body></html>
`;
}
