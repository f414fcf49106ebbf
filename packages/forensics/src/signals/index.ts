import type { Signal } from './signal.js';

/** Every signal `checkPhoto` runs, in report order. */
export const SIGNALS: readonly Signal[] = [];
