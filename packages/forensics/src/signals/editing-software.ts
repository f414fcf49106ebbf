import { XMP_NS, readXmpProperty } from '../containers/xmp.js';
import { makeFinding } from '../finding.js';
import { text } from '../text.js';
import { NOTHING, type Signal, type SignalContext, type SignalResult } from './signal.js';

/** What kind of tool an editor is: desktop/pro, mobile beautifier, or one with generative AI editing. */
export type EditorKind = 'desktop' | 'mobile' | 'ai';

interface EditorPattern {
  readonly name: string;
  readonly kind: EditorKind;
  readonly pattern: RegExp;
}

/**
 * Known editors, matched against EXIF Software/ProcessingSoftware, XMP CreatorTool, XMP history software agents
 * and PNG `Software` chunks. Camera firmware strings ("6.0", "Ver.5.01", "HDR+ 1.0") match none of them.
 */
export const EDITORS: readonly EditorPattern[] = [
  { name: 'Adobe Photoshop', kind: 'desktop', pattern: /photoshop(?!\s*lightroom)|adobe\s*ps\b/i },
  { name: 'Adobe Lightroom', kind: 'desktop', pattern: /lightroom/i },
  { name: 'Adobe Firefly', kind: 'ai', pattern: /firefly/i },
  { name: 'GIMP', kind: 'desktop', pattern: /\bgimp\b/i },
  { name: 'Affinity Photo', kind: 'desktop', pattern: /affinity\s*photo/i },
  { name: 'Pixelmator', kind: 'desktop', pattern: /pixelmator/i },
  { name: 'Luminar', kind: 'ai', pattern: /luminar/i },
  { name: 'Snapseed', kind: 'mobile', pattern: /snapseed/i },
  { name: 'Picsart', kind: 'mobile', pattern: /picsart/i },
  { name: 'Canva', kind: 'mobile', pattern: /\bcanva\b/i },
  { name: 'VSCO', kind: 'mobile', pattern: /\bvsco\b/i },
  { name: 'Facetune', kind: 'mobile', pattern: /facetune/i },
  { name: 'PhotoRoom', kind: 'ai', pattern: /photoroom/i },
  { name: 'Remini', kind: 'ai', pattern: /\bremini\b/i },
  { name: 'Fotor', kind: 'ai', pattern: /\bfotor\b/i },
  { name: 'Meitu 美图秀秀', kind: 'mobile', pattern: /meitu|mtxx|美图秀秀|美图/i },
  { name: 'BeautyCam 美颜相机', kind: 'mobile', pattern: /beautycam|美颜相机/i },
  { name: 'Xingtu 醒图 / Hypic', kind: 'mobile', pattern: /醒图|xingtu|hypic/i },
  { name: 'CapCut 剪映', kind: 'ai', pattern: /capcut|剪映|jianying/i },
  { name: 'Jimeng 即梦 / Dreamina', kind: 'ai', pattern: /即梦|jimeng|dreamina/i },
  { name: 'Butter Camera 黄油相机', kind: 'mobile', pattern: /黄油相机|butter\s*camera/i },
  { name: 'Qingyan 轻颜', kind: 'mobile', pattern: /轻颜|ulike/i },
  { name: 'B612', kind: 'mobile', pattern: /\bb612\b/i },
  { name: 'Wink', kind: 'ai', pattern: /^wink\b/i },
  { name: 'Evoto', kind: 'ai', pattern: /evoto/i },
  { name: 'Cleanup.pictures', kind: 'ai', pattern: /cleanup\.pictures/i },
];

/** Every software string a photo's metadata names, de-duplicated, in discovery order. */
export function softwareStrings(ctx: Pick<SignalContext, 'meta' | 'pngText'>): string[] {
  const found: string[] = [];
  for (const tag of ['Software', 'ProcessingSoftware', 'HostComputer']) {
    const v = ctx.meta.exif[tag];
    if (typeof v === 'string' && v.trim()) found.push(v.trim());
  }
  found.push(...readXmpProperty(ctx.meta.xmp, XMP_NS.xmp, 'CreatorTool'));
  found.push(...readXmpProperty(ctx.meta.xmp, XMP_NS.stEvt, 'softwareAgent'));
  for (const chunk of ctx.pngText) if (chunk.keyword === 'Software' && chunk.text.trim()) found.push(chunk.text.trim());
  return [...new Set(found)];
}

/** Matches software strings against {@link EDITORS}. */
export function matchEditors(strings: readonly string[]): { name: string; kind: EditorKind; evidence: string }[] {
  const hits: { name: string; kind: EditorKind; evidence: string }[] = [];
  for (const s of strings) {
    for (const editor of EDITORS) {
      if (editor.pattern.test(s) && !hits.some((h) => h.name === editor.name))
        hits.push({ name: editor.name, kind: editor.kind, evidence: s });
    }
  }
  return hits;
}

/** Editing software named in EXIF/XMP/PNG → `metadata.editing_software` (a weak signal on its own). */
export const editingSoftwareSignal: Signal = {
  name: 'editing-software',
  run(ctx): SignalResult {
    const software = softwareStrings(ctx);
    const hits = matchEditors(software);
    if (hits.length === 0) return software.length > 0 ? { findings: [], facts: { software } } : NOTHING;
    const ai = hits.filter((h) => h.kind === 'ai');
    const names = hits.map((h) => `${h.name}（${h.evidence}）`).join('、');
    const namesEn = hits.map((h) => `${h.name} ("${h.evidence}")`).join(', ');
    const finding = makeFinding('metadata.editing_software', {
      severity: ai.length > 0 ? 'warn' : 'info',
      strength: 1,
      detail: text(
        `元数据记录了编辑软件：${names}。${ai.length > 0 ? '其中包含具备 AI 生成编辑功能的工具。' : ''}单独出现只说明照片被处理过（裁剪、调色也会留下记录）。`,
        `The metadata names editing software: ${namesEn}.${ai.length > 0 ? ' Some of these offer generative AI editing.' : ''} On its own this only says the photo was processed (cropping or colour correction leave the same trace).`,
      ),
      facts: { editors: hits },
    });
    return { findings: [finding], facts: { software } };
  },
};
