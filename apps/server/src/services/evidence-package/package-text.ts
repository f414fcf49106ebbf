import type { Bilingual, ClaimStatus, ClaimType } from '@proofdesk/domain';

/** The language of one evidence package PDF (the ZIP's README is in both). */
export type PackageLang = 'zh' | 'en';

/** Claim types as the package names them. */
export const CLAIM_TYPE_TEXT: Readonly<Record<ClaimType, Bilingual>> = {
  refund_only: { zh: '仅退款', en: 'Refund only' },
  return_refund: { zh: '退货退款', en: 'Return and refund' },
  exchange: { zh: '换货', en: 'Exchange' },
  repair: { zh: '维修', en: 'Repair' },
};

/** Claim statuses as the package names them. */
export const CLAIM_STATUS_TEXT: Readonly<Record<ClaimStatus, Bilingual>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  analysing: { zh: '分析中', en: 'Analysing' },
  awaiting_merchant: { zh: '待商家响应', en: 'Awaiting the merchant' },
  in_review: { zh: '审核中', en: 'In review' },
  approved: { zh: '已同意', en: 'Approved' },
  partially_approved: { zh: '部分同意', en: 'Partially approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  final: { zh: '已结案', en: 'Final' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Fixed texts of the package, zh first. */
export const T = {
  title: { zh: '售后证据包', en: 'After-sales evidence package' },
  subtitle: {
    zh: '供平台申诉或向公安机关报案使用',
    en: 'For a platform appeal or a police report',
  },
  caseSummary: { zh: '一、案件摘要', en: '1. Case summary' },
  orderFacts: { zh: '二、订单与物流', en: '2. Order and delivery' },
  evidencePhotos: { zh: '三、证据照片与检查发现', en: '3. Evidence photos and findings' },
  merchantSide: { zh: '四、商家陈述与反证', en: "4. The merchant's statement and counter-evidence" },
  buyerHistory: { zh: '五、买家历史与法律参考', en: "5. The buyer's history and legal reference" },
  auditTrail: { zh: '六、审计记录与链校验', en: '6. Audit trail and chain verification' },
  meaning: { zh: '七、检查发现的含义', en: '7. What the findings mean' },
  claimId: { zh: '售后单号', en: 'Claim id' },
  workspace: { zh: '商家', en: 'Merchant' },
  type: { zh: '类型', en: 'Type' },
  status: { zh: '状态', en: 'Status' },
  amount: { zh: '申请金额', en: 'Amount claimed' },
  reason: { zh: '买家理由', en: "Buyer's reason" },
  filedAt: { zh: '提交时间', en: 'Filed at' },
  risk: { zh: '风险分', en: 'Risk score' },
  decision: { zh: '审核决定', en: 'Decision' },
  reasonCode: { zh: '理由代码', en: 'Reason code' },
  decisionNote: { zh: '审核说明', en: 'Decision note' },
  approvedAmount: { zh: '同意金额', en: 'Amount approved' },
  decidedBy: { zh: '决定人 / 时间', en: 'Decided by / at' },
  appeal: { zh: '申诉理由', en: 'Appeal reason' },
  notDecided: { zh: '尚未决定', en: 'Not decided yet' },
  platform: { zh: '平台', en: 'Platform' },
  orderId: { zh: '平台订单号', en: 'Platform order id' },
  product: { zh: '商品', en: 'Product' },
  orderAmount: { zh: '订单金额', en: 'Order amount' },
  orderedAt: { zh: '下单时间', en: 'Ordered at' },
  shippedAt: { zh: '发货时间', en: 'Shipped at' },
  deliveredAt: { zh: '签收时间', en: 'Delivered at' },
  unknown: { zh: '未记录', en: 'not recorded' },
  noOrder: { zh: '未找到订单记录。', en: 'No order on record.' },
  photo: { zh: '照片', en: 'Photo' },
  counterPhoto: { zh: '反证照片', en: 'Counter-evidence photo' },
  noEvidence: { zh: '买家未提交证据照片。', en: 'The buyer has not submitted any evidence photo.' },
  fileName: { zh: '文件名', en: 'File name' },
  size: { zh: '大小', en: 'Size' },
  pixels: { zh: '格式 / 像素', en: 'Format / pixels' },
  uploadedAt: { zh: '上传时间', en: 'Uploaded at' },
  capture: { zh: '拍摄信息', en: 'Capture metadata' },
  verdict: { zh: '结论 / 得分', en: 'Verdict / score' },
  pending: { zh: '尚未分析', en: 'not analysed yet' },
  noPicture: {
    zh: '无法显示缩略图（文件无法解码或已缺失）；原始文件见 ZIP。',
    en: 'No thumbnail (the file does not decode or is missing); see the original in the ZIP.',
  },
  noFindings: { zh: '未发现需要说明的情况。', en: 'Nothing to report.' },
  doesNotMean: { zh: '这不意味着', en: 'What it does not mean' },
  regions: { zh: '红框为检出区域', en: 'Regions outlined in red' },
  sideBySide: { zh: '左：买家照片；右：商家参考图', en: "Left: the buyer's photo; right: the merchant's reference" },
  reference: { zh: '参考图', en: 'Reference' },
  heatmap: { zh: '热力图（越亮差异越大）', en: 'Heat map (brighter = stronger)' },
  provenance: { zh: '来源信息', en: 'Provenance' },
  noProvenance: {
    zh: '未见 C2PA、AIGC 标识、IPTC 来源类型或生成器参数（没有来源信息不能证明照片真实）。',
    en: 'No C2PA, AIGC label, IPTC source type or generator parameters (absence of provenance proves nothing).',
  },
  statement: { zh: '商家陈述', en: "Merchant's statement" },
  noStatement: { zh: '商家未提交陈述。', en: 'The merchant has not made a statement.' },
  noCounter: { zh: '商家未提交反证照片。', en: 'The merchant has not submitted counter-evidence photos.' },
  creditScore: { zh: '信用分', en: 'Credit score' },
  fraudAmount: { zh: '经确认欺诈所涉金额', en: 'Amount in claims confirmed fraudulent' },
  legalFlags: { zh: '法律参考提示', en: 'Legal reference flags' },
  noLegalFlags: { zh: '未达到任何法律参考阈值。', en: 'No legal reference threshold is reached.' },
  flagsSuggest: {
    zh: '提示仅供参考，不构成对任何人的指控；是否构成违法犯罪由主管机关依法认定。',
    en: 'Flags suggest; they accuse no one. Whether an offence was committed is for the authorities to decide.',
  },
  historyFallback: {
    zh: '以下为该买家在本商家的全部售后记录（来自售后单表）。',
    en: "The buyer's claims with this merchant (from the claims table).",
  },
  noBuyer: { zh: '该售后单未关联买家。', en: 'No buyer is linked to this claim.' },
  chainOk: { zh: '审计链校验通过', en: 'Audit chain verified' },
  chainBroken: { zh: '审计链校验失败', en: 'Audit chain verification FAILED' },
  chainHead: { zh: '链头', en: 'Chain head' },
  time: { zh: '时间', en: 'Time' },
  actor: { zh: '操作人', en: 'Actor' },
  action: { zh: '事件', en: 'Event' },
  page: { zh: '页', en: 'Page' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  signingKey: { zh: '签名公钥指纹', en: 'Signing key fingerprint' },
  signingKeyNote: {
    zh: 'ZIP 中的 manifest.json 由本商家的 Ed25519 证据包签名密钥签名（manifest.sig），清单列出包内每个文件的 SHA-256。请将上述指纹与商家另行（平台后台、公函、电话）提供的指纹核对，再运行 proofdesk package verify <zip> --key <指纹>；包内公钥本身不能证明来源。',
    en: "manifest.json in the ZIP is signed with this merchant's Ed25519 package-signing key (manifest.sig), and lists the SHA-256 of every file in the package. Compare the fingerprint above with the one the merchant gives you separately (platform console, letter, phone), then run proofdesk package verify <zip> --key <fingerprint>; the key inside the package proves nothing by itself.",
  },
  meaningText: {
    zh: '每项检查发现都说明了它意味着什么、不意味着什么。检查结果是协助人工判断的线索，不是结论：没有来源信息不能证明照片真实；仅经过缩放或重新压缩不会被标记；辅助性信号（如 ELA、噪声）单独不足以认定伪造。本售后单的决定由人工审核员作出。照片的 SHA-256 与 ZIP 中的原始文件一致，任何人都可按 README.txt 复核。',
    en: 'Each finding says what it means and what it does not. The checks are leads for a human judgement, not verdicts on people: absence of provenance proves nothing; resizing or recompression alone never flags a photo; supporting signals (such as ELA or noise) are never enough alone. A human reviewer made the decision on this claim. The SHA-256 of each photo matches the original file in the ZIP, which anyone can re-check as README.txt explains.',
  },
} as const satisfies Record<string, Bilingual>;

/** An amount in fen as yuan with the currency sign: `¥1,299.00`. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** An ISO instant as Beijing wall-clock time to the second: `2026-11-16 10:00:00 (UTC+8)`. */
export function shanghaiTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} (UTC+8)`;
}

/** A byte count for people: `1.2 MB`, `830 KB`, `512 B`. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
