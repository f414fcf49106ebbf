import { makeFinding } from '../finding.js';
import { hotRegions, robustSpread, type BlockMap, type CellRegion } from '../tamper/block-map.js';
import { tamperAnalysis } from '../tamper/tamper-analysis.js';
import {
  blockRegionsToPhoto,
  firstPassQuality,
  orientedHeatmap,
  percent,
  strengthOver,
  tamperFacts,
} from '../tamper/tamper-report.js';
import { text } from '../text.js';
import type { Signal, SignalResult } from './signal.js';

/** The photo as a whole must show the comb of an earlier compression in at least this many frequencies … */
export const MIN_COMB_FREQUENCIES = 3;
/** … and its typical window must favour double compression by at least this much (nats per coefficient). */
export const MIN_MEDIAN_EVIDENCE = 0.25;
/**
 * A window lacks the comb when its evidence is at most −this. Untouched photos in the shared corpus, the camera
 * fixtures and the messaging-app copies reach −0.38 at worst once clipped blocks are left out; spliced and painted
 * test photos read −0.5 to −1.7.
 */
export const LACKING_EVIDENCE = 0.5;
/** A region covers at least this share of the informative windows … */
const MIN_SHARE = 0.005;
/** … at most this share (more is the photo's own property, e.g. a mostly re-rendered picture) … */
const MAX_SHARE = 0.4;
/** … and fills at least this share of its bounding box. */
const MIN_FILL = 0.3;

function lackingRegions(lack: BlockMap): { regions: CellRegion[]; median: number; cells: number } {
  const { median: medianLack, count } = robustSpread(lack);
  const median = -medianLack;
  const regions = hotRegions(lack, LACKING_EVIDENCE)
    .filter((r) => r.cells >= MIN_SHARE * count && r.cells <= MAX_SHARE * count && r.cells / (r.w * r.h) >= MIN_FILL)
    .slice(0, 3);
  return { regions, median, cells: count };
}

/**
 * `tamper.double_jpeg`: a region whose JPEG compression history differs from the rest of the photo. Reads the DCT
 * coefficients of a sequential JPEG, fits per low frequency the earlier quantisation step that explains the
 * histogram's comb, and maps per 8×8 block how well the block's coefficients fit that comb. A photo compressed
 * twice everywhere (every messaging-app copy) raises nothing; a compact region that lacks the comb the rest
 * carries (pasted, painted or generated after the earlier compression) does. Supporting evidence only.
 */
export const tamperDoubleJpegSignal: Signal = {
  name: 'tamper-double-jpeg',
  workingImage: true,
  detachable: true,
  async run(ctx): Promise<SignalResult> {
    if (ctx.format !== 'jpeg') return { findings: [] };
    const analysis = await tamperAnalysis(ctx);
    const facts = tamperFacts(analysis);
    const dq = analysis.doubleJpeg;
    if (!dq || !('analysis' in dq)) return { findings: [], facts };
    const combs = dq.analysis.combFrequencies;
    const { regions, median, cells } = lackingRegions(dq.windows.lack);
    if (combs < MIN_COMB_FREQUENCIES || !(median >= MIN_MEDIAN_EVIDENCE) || regions.length === 0) {
      return { findings: [], facts };
    }
    const boxes = blockRegionsToPhoto(regions, dq.windows.cell, ctx);
    const largest = regions[0]!;
    const worst = Math.max(...regions.map((r) => r.mean));
    const first = firstPassQuality(dq.analysis.fits);
    const now = analysis.jpeg?.quality?.quality;
    const firstZh = first !== undefined ? `（约质量 ${first}）` : '';
    const firstEn = first !== undefined ? ` (about quality ${first})` : '';
    const nowZh = now !== undefined ? `，当前质量约 ${now}` : '';
    const nowEn = now !== undefined ? `; it is now saved at about quality ${now}` : '';
    const share = percent(largest.cells / cells);
    const n = boxes.length;
    return {
      facts,
      findings: [
        makeFinding('tamper.double_jpeg', {
          severity: 'warn',
          strength: strengthOver(worst, LACKING_EVIDENCE, 0.7),
          detail: text(
            `这张照片在同一 8×8 网格上至少经过两次 JPEG 压缩${firstZh}${nowZh}。单凭这一点很正常：聊天软件转发的每张照片都是如此。但有 ${n} 处区域（最大一处约占画面 ${share}%）缺少其余部分带有的早先压缩痕迹：这些像素是在早先压缩之后被粘贴、涂改或生成的，再与其余部分一起保存。这是辅助信号，单独不能证明伪造；裁剪、缩放会抹去这类痕迹，所以没有发现也不代表照片未被修改。`,
            `This photo was JPEG-compressed at least twice on the same 8×8 grid${firstEn}${nowEn}. That alone is normal: every photo forwarded by a messaging app is. But ${n} region${n === 1 ? '' : 's'} (the largest about ${share}% of the picture) lack${n === 1 ? 's' : ''} the traces of the earlier compression that the rest carries: those pixels were pasted, painted or generated after the earlier compression and saved once with the rest. A supporting signal, not proof on its own; cropping and resizing erase these traces, so finding nothing does not mean the photo is untouched.`,
          ),
          regions: boxes,
          facts: {
            combFrequencies: combs,
            medianEvidence: Math.round(median * 1000) / 1000,
            regionEvidence: regions.map((r) => Math.round(-r.mean * 1000) / 1000),
            regionShares: regions.map((r) => percent(r.cells / cells)),
            threshold: -LACKING_EVIDENCE,
            ...(first !== undefined ? { firstPassQuality: first } : {}),
            heatmapPng: orientedHeatmap(dq.windows.lack, ctx.header.orientation, 0, 1.5),
          },
        }),
      ],
    };
  },
};
