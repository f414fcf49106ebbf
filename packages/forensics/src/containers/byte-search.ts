/**
 * Finds the first occurrence of an ASCII marker in bytes, from `from`.
 * @returns the index, or -1
 */
export function indexOfAscii(bytes: Uint8Array, marker: string, from = 0): number {
  const first = marker.charCodeAt(0);
  const last = bytes.length - marker.length;
  outer: for (let i = bytes.indexOf(first, from); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < marker.length; j++) if (bytes[i + j] !== marker.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Cheap test for an embedded C2PA manifest store: a JUMBF superbox (`jumb`) labelled `c2pa`, in any container
 * (JPEG APP11, PNG `caBX`, WebP `C2PA`, ISO BMFF `uuid`). False positives only cost one real validation.
 */
export function hasC2paMarker(bytes: Uint8Array): boolean {
  const jumb = indexOfAscii(bytes, 'jumb');
  return jumb !== -1 && indexOfAscii(bytes, 'c2pa', jumb) !== -1;
}
