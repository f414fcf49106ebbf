import { XMP_NS, readXmpProperty } from '../containers/xmp.js';
import { makeFinding } from '../finding.js';
import { text, type LocalizedText } from '../text.js';
import { classifySourceType, sourceTypeTerm } from './digital-source-type.js';
import { softwareStrings } from './editing-software.js';
import { findStatusBar, flatShare, type StatusBarBand } from './screen-pixels.js';
import { matchScreenSize } from './screen-sizes.js';
import { NOTHING, type Signal, type SignalContext, type SignalResult } from './signal.js';

/** EXIF tags only a camera writes; any one of them means "camera data present". */
export const CAMERA_TAGS = ['Make', 'Model', 'ExposureTime', 'FNumber', 'ISO', 'FocalLength', 'LensModel'] as const;

/** Screenshot tools that name themselves in EXIF Software, XMP CreatorTool or a PNG `Software` chunk. */
const SCREENSHOT_TOOLS =
  /screen\s?shot|screencapture|snipping\s?tool|snipaste|sharex|greenshot|flameshot|spectacle|lightshot|截图|截屏/i;

/** A phone screen is at least this much taller than wide (19.5:9 = 2.17; 16:9 phones and photos stay below). */
const PHONE_ASPECT = { min: 1.9, max: 2.4 } as const;

/** Share of exactly flat pixels from which a screen-sized PNG/WebP looks like rendered UI (see `flatShare`). */
export const MIN_FLAT_SHARE = 0.2;

/** Strengths of the evidence combinations (× the catalogue weight 0.45 gives the score). */
const STRENGTH = { marker: 1, screenAndBand: 0.9, bandAndPhoneAspect: 0.6, screenAndFlat: 0.4 } as const;

type Marker = {
  readonly source: 'exif_user_comment' | 'xmp_user_comment' | 'iptc' | 'software';
  readonly value: string;
};

function findMarker(ctx: SignalContext): Marker | undefined {
  const comment = ctx.meta.exif.UserComment;
  if (typeof comment === 'string' && /\bscreen\s?shot\b/i.test(comment)) {
    return { source: 'exif_user_comment', value: comment };
  }
  const xmpComment = readXmpProperty(ctx.meta.xmp, XMP_NS.exif, 'UserComment').find((v) =>
    /\bscreen\s?shot\b/i.test(v),
  );
  if (xmpComment) return { source: 'xmp_user_comment', value: xmpComment };
  const iptc = readXmpProperty(ctx.meta.xmp, XMP_NS.iptcExt, 'DigitalSourceType').find(
    (v) => classifySourceType(v) === 'screen_capture',
  );
  if (iptc) return { source: 'iptc', value: iptc };
  const tool = softwareStrings(ctx).find((s) => SCREENSHOT_TOOLS.test(s));
  return tool ? { source: 'software', value: tool } : undefined;
}

function markerText(marker: Marker): LocalizedText {
  switch (marker.source) {
    case 'exif_user_comment':
    case 'xmp_user_comment':
      return text(
        `${marker.source === 'exif_user_comment' ? 'EXIF' : 'XMP'} 用户注释为“${marker.value}”（macOS 等系统截屏时写入）`,
        `the ${marker.source === 'exif_user_comment' ? 'EXIF' : 'XMP'} UserComment reads "${marker.value}" (macOS and other systems write it when capturing the screen)`,
      );
    case 'iptc':
      return text(
        `XMP 的 IPTC DigitalSourceType 为 ${sourceTypeTerm(marker.value)}（屏幕截取）`,
        `the XMP IPTC DigitalSourceType is ${sourceTypeTerm(marker.value)} (a capture of a screen)`,
      );
    case 'software':
      return text(
        `元数据记录的软件是截图工具“${marker.value}”`,
        `the metadata names the screenshot tool "${marker.value}"`,
      );
  }
}

/**
 * `capture.screenshot`: the image is a screenshot rather than a camera photo. Evidence, strongest first:
 * - a marker: EXIF/XMP UserComment "Screenshot" (macOS), IPTC DigitalSourceType `screenCapture`, or a screenshot
 *   tool named as the software → strength 1, severity warn;
 * - an exact screen resolution (see `screen-sizes.ts`) without camera data, with a status-bar band at the top
 *   (see `findStatusBar`) → 0.9, warn;
 * - a status-bar band without camera data on a phone-shaped image (1.9–2.4 : 1) that is no longer at a screen size,
 *   e.g. a screenshot forwarded through a messaging app → 0.6, info;
 * - a screen-sized PNG or WebP without camera data whose pixels are largely flat UI fills → 0.4, info.
 * Camera photos (camera data present), their resized, recompressed and converted copies (no band, not flat) and
 * listing photos on white (no glyph line in the top rows) give none of these.
 */
export const screenshotSignal: Signal = {
  name: 'screenshot',
  run(ctx): SignalResult {
    const marker = findMarker(ctx);
    const cameraTags = CAMERA_TAGS.filter((tag) => ctx.meta.exif[tag] !== undefined && ctx.meta.exif[tag] !== '');
    const camera = cameraTags.length > 0;
    const screen = matchScreenSize(ctx.width, ctx.height);
    const band = camera ? undefined : findStatusBar(ctx.preview);
    const aspect = Math.max(ctx.width, ctx.height) / Math.max(1, Math.min(ctx.width, ctx.height));
    const phoneAspect = ctx.height > ctx.width && aspect >= PHONE_ASPECT.min && aspect <= PHONE_ASPECT.max;
    const lossless = ctx.format === 'png' || ctx.format === 'webp';
    const flat = !camera && screen && lossless && !band ? flatShare(ctx.preview) : undefined;

    let strength: number;
    if (marker) strength = STRENGTH.marker;
    else if (screen && !camera && band) strength = STRENGTH.screenAndBand;
    else if (band && phoneAspect) strength = STRENGTH.bandAndPhoneAspect;
    else if (flat !== undefined && flat >= MIN_FLAT_SHARE) strength = STRENGTH.screenAndFlat;
    else return NOTHING;

    const reasons: LocalizedText[] = [];
    if (marker) reasons.push(markerText(marker));
    if (screen) {
      reasons.push(
        text(
          `尺寸 ${ctx.width}×${ctx.height} 正是 ${screen.device} 的屏幕分辨率`,
          `its size, ${ctx.width}×${ctx.height}, is the screen resolution of ${screen.device}`,
        ),
      );
    }
    if (!camera) {
      reasons.push(
        text(
          '没有任何相机信息（品牌、型号、曝光时间、光圈）',
          'it carries no camera data (make, model, exposure, aperture)',
        ),
      );
    }
    if (band) reasons.push(bandText(band));
    if (band && phoneAspect && !screen) {
      reasons.push(
        text(`长宽比 ${aspect.toFixed(2)}:1，是手机屏幕的比例`, `its ${aspect.toFixed(2)}:1 shape is a phone screen's`),
      );
    }
    if (flat !== undefined && flat >= MIN_FLAT_SHARE) {
      const percent = Math.round(flat * 100);
      reasons.push(
        text(
          `${percent}% 的像素是完全均匀的界面色块，照片几乎没有`,
          `${percent}% of its pixels are perfectly flat UI fills, which photos almost never have`,
        ),
      );
    }
    const strong = strength >= STRENGTH.screenAndBand;
    const detail = text(
      `${reasons.map((r) => r.zh).join('；')}。${strong ? '这是一张截图，而不是相机拍摄的照片' : '可能是截图或界面导出的图片'}，无法证明买家收到的实物状态。`,
      `${capitalise(reasons.map((r) => r.en).join('; '))}. ${strong ? 'This is a screenshot, not a camera photo' : 'It may be a screenshot or an exported screen image'}; it cannot show the state of the item the buyer received.`,
    );
    const finding = makeFinding('capture.screenshot', {
      severity: strong ? 'warn' : 'info',
      strength,
      detail,
      facts: {
        ...(marker ? { marker } : {}),
        ...(screen
          ? { screen: { width: screen.width, height: screen.height, device: screen.device, kind: screen.kind } }
          : {}),
        cameraTags,
        ...(band ? { statusBar: band } : {}),
        ...(flat !== undefined ? { flatShare: flat } : {}),
        aspect: Math.round(aspect * 100) / 100,
      },
    });
    return { findings: [finding] };
  },
};

function bandText(band: StatusBarBand): LocalizedText {
  const [r, g, b] = band.background;
  const colour = `rgb(${r}, ${g}, ${b})`;
  return text(
    `顶部是纯色（${colour}）状态栏条带，两侧有时间、信号、电池等小图标`,
    `the top rows form a plain ${colour} status-bar band with small glyphs (clock, signal, battery) at both sides`,
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
