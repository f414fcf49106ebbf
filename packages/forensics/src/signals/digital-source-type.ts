/**
 * IPTC Digital Source Type vocabulary (https://cv.iptc.org/newscodes/digitalsourcetype/), as used by IPTC XMP
 * `Iptc4xmpExt:DigitalSourceType` and by C2PA actions' `digitalSourceType`.
 */
export type SourceTypeClass = 'ai_generated' | 'ai_composite' | 'capture' | 'screen_capture' | 'other';

const CLASSES: Record<string, SourceTypeClass> = {
  trainedalgorithmicmedia: 'ai_generated',
  algorithmicmedia: 'ai_generated',
  compositewithtrainedalgorithmicmedia: 'ai_composite',
  compositesynthetic: 'ai_composite',
  digitalcapture: 'capture',
  computationalcapture: 'capture',
  negativefilm: 'capture',
  positivefilm: 'capture',
  screencapture: 'screen_capture',
};

/**
 * The term of a digital source type value: accepts full IRIs (`http://cv.iptc.org/newscodes/digitalsourcetype/
 * trainedAlgorithmicMedia`), C2PA's `https://…`, prefixed forms and bare terms.
 * @example sourceTypeTerm('http://cv.iptc.org/newscodes/digitalsourcetype/screenCapture') // 'screenCapture'
 */
export function sourceTypeTerm(value: string): string {
  const trimmed = value.trim();
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'), trimmed.lastIndexOf(':'));
  return trimmed.slice(cut + 1);
}

/** Classifies a digital source type value; unknown terms are `other`. */
export function classifySourceType(value: string): SourceTypeClass {
  return CLASSES[sourceTypeTerm(value).toLowerCase()] ?? 'other';
}
