import type { PngTextChunk } from '../../containers/png-text.js';
import { readXmpProperty, XMP_NS } from '../../containers/xmp.js';
import type { RawMetadata } from '../../ports.js';
import type { TextField } from './types.js';

/** EXIF tags (IFD0 / Exif IFD, by standard name) that generators write text into. */
const EXIF_TAGS = ['UserComment', 'ImageDescription', 'Software', 'Make', 'Model', 'Artist', 'XPComment'] as const;

/** IPTC-IIM datasets (exifr names) that may carry a generator's description. */
const IPTC_DATASETS = ['Caption', 'ObjectName', 'Headline', 'Keywords'] as const;

/** XMP properties generators write: [namespace, local name, field key, label]. */
const XMP_PROPERTIES = [
  [XMP_NS.dc, 'description', 'xmp:description', 'dc:description'],
  [XMP_NS.xmp, 'CreatorTool', 'xmp:creatortool', 'xmp:CreatorTool'],
  [XMP_NS.exif, 'UserComment', 'xmp:usercomment', 'exif:UserComment'],
  [XMP_NS.tiff, 'Software', 'xmp:software', 'tiff:Software'],
  [XMP_NS.iptcExt, 'DigImageGUID', 'xmp:digimageguid', 'Iptc4xmpExt:DigImageGUID'],
] as const;

/**
 * ComfyUI's WebP/JPEG savers put `prompt:{…}` in EXIF Model and `workflow:{…}` in Make (and further
 * `key:{…}` in the tags before it); some savers write `parameters:…` into ImageDescription.
 */
const PREFIXED_KEYS = /^(prompt|workflow|parameters):/;

/** Longest metadata value we look at; longer values (hostile or broken files) are skipped. */
const MAX_FIELD_CHARS = 8 * 1024 * 1024;

function strings(value: unknown): string[] {
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_FIELD_CHARS);
}

function xmpPacketsFromPng(pngText: readonly PngTextChunk[]): string[] {
  return pngText
    .filter((c) => c.keyword === 'XML:com.adobe.xmp')
    .map((c) => c.text.slice(Math.max(0, c.text.indexOf('<'))));
}

/**
 * Gathers every metadata text a generator parser may read: PNG text chunks, EXIF strings, XMP properties and
 * IPTC datasets. Pure and cheap (no JSON parsing here).
 * @param input the PNG text chunks and the metadata read by the {@link MetadataReader}
 */
export function collectTextFields(input: {
  readonly pngText: readonly PngTextChunk[];
  readonly meta: Pick<RawMetadata, 'exif' | 'xmp' | 'iptc'>;
}): TextField[] {
  const fields: TextField[] = [];
  for (const chunk of input.pngText) {
    if (chunk.text.trim().length === 0 || chunk.text.length > MAX_FIELD_CHARS) continue;
    fields.push({ key: chunk.keyword.toLowerCase(), source: `PNG ${chunk.type} "${chunk.keyword}"`, text: chunk.text });
  }
  for (const tag of EXIF_TAGS) {
    for (const text of strings(input.meta.exif[tag])) {
      const prefixed = PREFIXED_KEYS.exec(text);
      if (prefixed) fields.push({ key: prefixed[1]!, source: `EXIF ${tag}`, text: text.slice(prefixed[0].length) });
      else fields.push({ key: `exif:${tag.toLowerCase()}`, source: `EXIF ${tag}`, text });
    }
  }
  const packets = [...input.meta.xmp];
  for (const packet of xmpPacketsFromPng(input.pngText)) if (!packets.includes(packet)) packets.push(packet);
  for (const [ns, name, key, label] of XMP_PROPERTIES) {
    for (const text of readXmpProperty(packets, ns, name)) fields.push({ key, source: `XMP ${label}`, text });
  }
  for (const dataset of IPTC_DATASETS) {
    for (const text of strings(input.meta.iptc[dataset])) {
      fields.push({ key: `iptc:${dataset.toLowerCase()}`, source: `IPTC ${dataset}`, text });
    }
  }
  return fields;
}
