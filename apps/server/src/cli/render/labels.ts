import type { Lang, Severity, Verdict } from '@proofdesk/forensics';

/** Verdict names shown to people. */
export const VERDICT_LABEL: Record<Verdict, Record<Lang, string>> = {
  clean: { zh: '未见异常', en: 'Clean' },
  suspicious: { zh: '可疑', en: 'Suspicious' },
  forged: { zh: '伪造', en: 'Forged' },
  error: { zh: '无法分析', en: 'Error' },
};

/** Severity names shown to people. */
export const SEVERITY_LABEL: Record<Severity, Record<Lang, string>> = {
  info: { zh: '提示', en: 'info' },
  warn: { zh: '注意', en: 'warn' },
  high: { zh: '严重', en: 'high' },
};

/** Other fixed strings of the reports, in both languages. */
export const UI = {
  photo: { zh: '照片', en: 'Photo' },
  verdict: { zh: '结论', en: 'Verdict' },
  score: { zh: '得分', en: 'score' },
  noFindings: { zh: '未发现任何需要说明的情况。', en: 'Nothing to report.' },
  summary: { zh: '汇总', en: 'Summary' },
  reportTitle: { zh: 'Proofdesk 照片检查报告', en: 'Proofdesk photo check report' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  regions: { zh: '区域', en: 'regions' },
  reference: { zh: '参考图', en: 'reference' },
  claimPhoto: { zh: '本照片', en: 'this photo' },
  heatmap: { zh: '差异热力图', en: 'difference heat map' },
  facts: { zh: '原始信息', en: 'Raw facts' },
  doesNotMean: { zh: '这不意味着', en: 'What it does not mean' },
  disclaimer: {
    zh: '每项发现都说明了它意味着什么、不意味着什么。没有来源信息不能证明照片真实；仅经过缩放或重新压缩不会被标记。最终决定由人工审核员作出。',
    en: 'Each finding says what it means and what it does not. Absence of provenance proves nothing; resizing or recompression alone never flags a photo. A human reviewer makes the decision.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
