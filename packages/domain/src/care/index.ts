/**
 * Customer care (issue 8): complaints, warranty plans and coverage, official-channel verification. Each part adds
 * its export line here.
 */
export {};
