import type { Actor } from '@proofdesk/domain';
import type { Services } from '../services/index.js';

/** The demo brand's registered hotline and website, so the public check page answers with them from the start. */
export const DEMO_OFFICIAL_CHANNELS = [
  { kind: 'hotline', value: '400-188-6688', label: '安途全国售后热线' },
  { kind: 'website', value: 'https://www.antu-lock.com.cn/', label: '安途官网' },
] as const;

/** Registers {@link DEMO_OFFICIAL_CHANNELS} through the registry service (audited like an admin's own). */
export async function seedOfficialChannels(services: Pick<Services, 'officialChannels'>, admin: Actor): Promise<void> {
  for (const channel of DEMO_OFFICIAL_CHANNELS) await services.officialChannels.createChannel(admin, channel);
}
