/** Trust (issue 7): confirmed fraud, the buyer record, buyer credit and legal thresholds. */
export * from './fraud.js';
export * from './buyer-record.js';
export * from './credit.js';
export * from './legal-thresholds.js';
