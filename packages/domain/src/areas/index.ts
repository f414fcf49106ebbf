/** China's administrative divisions (GB/T 2260 codes) and the resolver of free-form place names. Pure. */
export { divisionAncestors, divisionChildren, getDivision, type Division, type DivisionLevel } from './divisions.js';
export { MAX_NAME_CHARS, resolveArea, type AreaResolution } from './resolve.js';
export { normalizePlaceName } from './names.js';
export { AREA_ALIASES, type AreaAlias } from './aliases.js';
