/**
 * Decodes an EXIF UserComment (tag 0x9286): an 8-byte character-code prefix (`ASCII\0\0\0`, `UNICODE\0`,
 * `JIS\0\0\0\0\0`, or eight NULs for "undefined") followed by the text. UNICODE is UTF-16 in the TIFF byte order,
 * which the tag bytes alone do not carry; writers disagree (A1111 writes big-endian), so the order is inferred
 * from where the zero bytes fall. Trailing NULs and padding spaces are trimmed.
 * @param bytes the tag's raw bytes
 * @returns the text, or undefined when empty
 */
export function decodeUserComment(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  const prefix = String.fromCharCode(...bytes.subarray(0, Math.min(8, bytes.length)));
  const body = bytes.length >= 8 ? bytes.subarray(8) : bytes;
  let decoded: string;
  if (prefix.startsWith('UNICODE')) {
    decoded = new TextDecoder(utf16Order(body)).decode(body);
  } else if (prefix.startsWith('JIS')) {
    decoded = new TextDecoder('shift_jis').decode(body);
  } else if (prefix.startsWith('ASCII') || /^\0{8}$/.test(prefix)) {
    decoded = new TextDecoder('utf-8').decode(body);
  } else {
    // No recognised prefix: some writers store plain text. Decode the whole tag.
    decoded = new TextDecoder('utf-8').decode(bytes);
  }
  const trimmed = decoded.replace(/[\0\s]+$/u, '').replace(/^\0+/u, '');
  return trimmed.length > 0 ? trimmed : undefined;
}

function utf16Order(body: Uint8Array): 'utf-16be' | 'utf-16le' {
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < Math.min(body.length, 4096); i += 2) {
    if (body[i] === 0) evenZeros++;
    if (body[i + 1] === 0) oddZeros++;
  }
  return evenZeros >= oddZeros ? 'utf-16be' : 'utf-16le';
}
