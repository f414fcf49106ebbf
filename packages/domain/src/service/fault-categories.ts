/**
 * Fault categories a customer or agent picks at intake, smart locks first (the first customer). Technicians' skills
 * name the categories they can handle. Product lines, by contrast, are free data per workspace (strings in the
 * service settings), not an enum.
 */
export const FAULT_CATEGORIES = [
  'fingerprint_not_recognised',
  'motor_jammed',
  'battery_drained',
  'forgotten_password',
  'door_wont_lock',
  'other',
] as const;
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];

/** Bilingual labels, as the customer would say it. */
export const FAULT_CATEGORY_LABELS: Readonly<Record<FaultCategory, { zh: string; en: string }>> = {
  fingerprint_not_recognised: { zh: '指纹无法识别', en: 'Fingerprint not recognised' },
  motor_jammed: { zh: '电机卡死', en: 'Motor jammed' },
  battery_drained: { zh: '电池没电', en: 'Battery drained' },
  forgotten_password: { zh: '忘记密码', en: 'Forgotten password' },
  door_wont_lock: { zh: '门锁不上', en: "Door won't lock" },
  other: { zh: '其他故障', en: 'Other fault' },
};

/** Whether `value` names a fault category (for parsing input). */
export function isFaultCategory(value: string): value is FaultCategory {
  return (FAULT_CATEGORIES as readonly string[]).includes(value);
}
