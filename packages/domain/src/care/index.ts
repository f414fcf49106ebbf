/**
 * Customer care (issue 8): complaints, warranty plans and coverage, official-channel verification. Each part adds
 * its export line here.
 */
export * from './complaint-status.js';
export * from './complaint-sla.js';
export * from './complaint-rate.js';
export * from './plan.js';
export * from './coverage-decision.js';
export * from './official.js';
