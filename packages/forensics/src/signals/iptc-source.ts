import { XMP_NS, readXmpProperty } from '../containers/xmp.js';
import { makeFinding } from '../finding.js';
import { text } from '../text.js';
import { classifySourceType, sourceTypeTerm } from './digital-source-type.js';
import { NOTHING, type Signal, type SignalResult } from './signal.js';

/**
 * IPTC `Iptc4xmpExt:DigitalSourceType` naming AI generation or AI compositing → `provenance.iptc_ai_source`.
 * (`screenCapture` is the screenshot signal's; capture types are recorded as facts only.)
 */
export const iptcSourceSignal: Signal = {
  name: 'iptc-source',
  run(ctx): SignalResult {
    const values = readXmpProperty(ctx.meta.xmp, XMP_NS.iptcExt, 'DigitalSourceType');
    if (values.length === 0) return NOTHING;
    const facts = { digitalSourceType: values };
    const generated = values.find((v) => classifySourceType(v) === 'ai_generated');
    const composite = values.find((v) => classifySourceType(v) === 'ai_composite');
    const hit = generated ?? composite;
    if (!hit) return { findings: [], facts };
    const term = sourceTypeTerm(hit);
    const finding = makeFinding('provenance.iptc_ai_source', {
      severity: 'high',
      strength: 1,
      title: generated
        ? text('元数据标注为 AI 生成', 'Metadata declares AI generation')
        : text('元数据标注为 AI 合成', 'Metadata declares AI compositing'),
      detail: generated
        ? text(
            `XMP 的 IPTC DigitalSourceType 为 “${term}”：图片由生成式 AI 创建，而非相机拍摄。`,
            `The XMP IPTC DigitalSourceType is "${term}": the image was created by generative AI, not captured by a camera.`,
          )
        : text(
            `XMP 的 IPTC DigitalSourceType 为 “${term}”：图片包含 AI 生成的局部（合成或 inpainting）。`,
            `The XMP IPTC DigitalSourceType is "${term}": the image contains AI-generated parts (compositing or inpainting).`,
          ),
      facts: { digitalSourceType: hit },
    });
    return { findings: [finding], facts };
  },
};
