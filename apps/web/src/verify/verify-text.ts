/** The verification page's words, zh-CN first (its own small table, so the page's bundle stays small). */
export const VERIFY_TEXT = {
  title: { zh: '官方渠道核验', en: 'Official channel check' },
  heading: { zh: '{brand} 官方渠道核验', en: 'Is it really {brand}?' },
  intro: {
    zh: '网上搜到的“全国维修热线”、陌生网站、上门自称师傅的人——输入号码、网址、网点名称或师傅码，马上核验是否为官方渠道。',
    en: 'A “national repair hotline” found online, a strange website, someone at the door saying they are a technician — enter the number, website, outlet name or technician code to check.',
  },
  inputLabel: { zh: '电话 / 网址 / 网点名称 / 师傅码', en: 'Number / website / outlet name / technician code' },
  inputPlaceholder: { zh: '如 400-186-5909 或 7KQ2-M9XD-4TRB', en: 'e.g. 400-186-5909 or 7KQ2-M9XD-4TRB' },
  areaLabel: { zh: '您所在的地区（选填，用于显示当地官方网点）', en: 'Your district (optional, for local outlets)' },
  areaPlaceholder: { zh: '如 成都武侯', en: 'e.g. 成都武侯' },
  submit: { zh: '核验', en: 'Check' },
  checking: { zh: '核验中…', en: 'Checking…' },
  scanHint: {
    zh: '师傅工单上有二维码：用手机相机扫码即可打开本页并自动核验。',
    en: 'The technician’s work order carries a QR code: scan it with your phone camera to open this page and check.',
  },
  official: { zh: '官方渠道', en: 'Official' },
  notOfficial: { zh: '非官方渠道', en: 'Not official' },
  unknown: { zh: '无法识别', en: 'Cannot read' },
  youEntered: { zh: '您输入的', en: 'You entered' },
  outlet: { zh: '所属网点', en: 'Outlet' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  orderArea: { zh: '服务地区', en: 'Serving' },
  lookalike: { zh: '疑似仿冒', en: 'Imitates' },
  channelsFor: { zh: '{district}的官方渠道', en: 'Official channels for {district}' },
  channelsNational: { zh: '{brand} 官方渠道', en: 'Official channels of {brand}' },
  hotlines: { zh: '官方热线', en: 'Hotlines' },
  websites: { zh: '官方网站', en: 'Websites' },
  outlets: { zh: '当地服务网点', en: 'Local outlets' },
  noOutlets: {
    zh: '输入您所在的地区可查看当地网点。',
    en: 'Enter your district to see the local outlets.',
  },
  noOutletsHere: {
    zh: '该地区暂无登记的服务网点，请拨打官方热线。',
    en: 'No outlet covers this district; call a hotline.',
  },
  nationwide: { zh: '全国', en: 'Nationwide' },
  call: { zh: '拨打', en: 'Call' },
  safety: {
    zh: '官方不会要求您先付款再派师傅，也不会让您向个人账户转账。',
    en: 'The brand never asks you to pay before sending a technician, nor to pay into a personal account.',
  },
  noBrand: { zh: '链接有误：缺少品牌', en: 'Broken link: no brand given' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type VerifyTextKey = keyof typeof VERIFY_TEXT;
