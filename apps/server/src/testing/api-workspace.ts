/**
 * Prepares a database for a server started in another process (load bench, crash test): a workspace, an API key
 * with the agent and reviewer roles, and orders to file claims against — made through the real services with the
 * same buyer-data key file the server will load from `<data>/keys.json`.
 */
import { join } from 'node:path';
import type { Actor } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import { loadOrCreateKeyFile } from '../adapters/crypto/keyring-config.js';
import type { Db } from '../adapters/db/database.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createApiKeyService } from '../services/api-key.service.js';
import { createServices, silentLogger } from '../services/index.js';
import { createWorkspaceService } from '../services/workspace.service.js';

export interface ApiWorkspace {
  readonly workspaceId: string;
  /** `Authorization: Bearer <apiKey>` */
  readonly apiKey: string;
  readonly orderIds: readonly string[];
  /** Every order's amount, in fen. */
  readonly orderAmountFen: number;
}

export async function prepareApiWorkspace(
  db: Db,
  dataDir: string,
  orders: number,
  slug = 'load',
): Promise<ApiWorkspace> {
  const keys = await loadOrCreateKeyFile(join(dataDir, 'keys.json'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  const ids = new Uuid7IdGenerator();
  try {
    const services = createServices({
      db,
      blobs: new FsBlobStore(join(dataDir, 'blobs')),
      cipher: new AesGcmContactCipher(keys.contactKeys),
      pseudonymiser: new HmacPseudonymiser(keys.hmacKey),
      clock: systemClock,
      ids,
      forensic,
      logger: silentLogger,
    });
    const workspace = await createWorkspaceService({ db, clock: systemClock, ids }).createWorkspace({
      slug,
      name: `${slug} workspace`,
    });
    const system: Actor = { kind: 'system', component: 'bench', workspaceId: workspace.id };
    const { key } = await createApiKeyService({ db, clock: systemClock, ids }).createApiKey(system, {
      name: 'load',
      roles: ['agent', 'reviewer'],
    });
    const orderAmountFen = 199_900;
    const orderIds: string[] = [];
    for (let i = 0; i < orders; i++) {
      const order = await services.orders.createOrder(system, {
        platform: 'taobao',
        platformOrderId: `${slug}-${i}`,
        amountFen: orderAmountFen,
        buyer: {
          accountId: `buyer-${i}`,
          contact: { name: `买家${i}`, phone: `1380013${String(i).padStart(4, '0')}` },
        },
      });
      orderIds.push(order.id);
    }
    return { workspaceId: workspace.id, apiKey: key, orderIds, orderAmountFen };
  } finally {
    await forensic.close();
  }
}
