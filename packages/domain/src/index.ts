/**
 * The pure domain: claims, evidence, buyers, repair orders and the service network, China's divisions, their status
 * machines, policies, typed errors and ports. No I/O:
 * adapters in `apps/server` implement the ports.
 */
export * from './errors.js';
export * from './roles.js';
export * from './actor.js';
export * from './claim-status.js';
export * from './workspace-policy.js';
export * from './claim-policy.js';
export * from './audit-chain.js';
export * from './ports.js';
export * from './phone.js';
export * from './areas/index.js';
export * from './service/index.js';
export * from './care/index.js';
export * from './trust/index.js';
export * from './trust/feed.js';
