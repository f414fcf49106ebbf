import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmptyDatabaseContext } from '../http/compose.js';
import { formatDemoUsers, seedDemo } from './demo-seed.js';

/** The demo photos shipped with the server (`apps/server/demo/photos`). */
export const DEMO_PHOTO_DIR = fileURLToPath(new URL('../../demo/photos/', import.meta.url));

/**
 * `proofdesk serve`'s hook for an empty database: seeds the demo shop through the real services, analyses it, and
 * prints the demo users' generated passwords once.
 */
export async function seedDemoOnEmptyDatabase(context: EmptyDatabaseContext): Promise<void> {
  context.log(
    '空数据库：正在写入演示数据并分析证据照片… / Empty database: seeding the demo workspace and analysing its photos…',
  );
  const started = Date.now();
  const result = await seedDemo({
    services: context.services,
    workspaces: context.services.workspaces,
    users: context.services.users,
    photoDir: join(DEMO_PHOTO_DIR),
    runJobsUntilIdle: () => context.runJobsUntilIdle(),
    servicesOffsetBy: (offsetMs) => context.servicesOffsetBy(offsetMs),
  });
  context.log(
    `演示数据已就绪 / Demo workspace ready: ${result.claimIds.length} claims analysed in ${((Date.now() - started) / 1000).toFixed(1)} s\n${formatDemoUsers(result.users)}`,
  );
}
