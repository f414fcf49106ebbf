/** The service network: repair orders, business calendar, slots, SLAs, coverage, dispatch, warranty. Pure. */
export {};
