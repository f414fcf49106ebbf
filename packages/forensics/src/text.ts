/** A user-facing text in both product languages: zh-CN first, English second. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** The product's languages. */
export type Lang = 'zh' | 'en';

/**
 * Builds a {@link LocalizedText}.
 * @example text('疑似 AI 生成', 'Likely AI-generated')
 */
export function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}
