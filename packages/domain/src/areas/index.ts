/** China's administrative divisions (GB/T 2260 codes) and the resolver of free-form place names. Pure. */
export {};
