/** The service network: repair orders, business calendar, slots, SLAs, coverage, dispatch, warranty. Pure. */
export * from './repair-order-status.js';
export * from './fault-categories.js';
export * from './shanghai-time.js';
export * from './slots.js';
export * from './area-code-tree.js';
export * from './coverage.js';
export * from './business-calendar.js';
export * from './sla.js';
export * from './dispatch-index.js';
export * from './dispatch.js';
export * from './warranty.js';
