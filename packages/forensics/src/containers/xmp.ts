/** Well-known XMP namespaces. */
export const XMP_NS = {
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
  stEvt: 'http://ns.adobe.com/xap/1.0/sType/ResourceEvent#',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  tc260: 'http://www.tc260.org.cn/ns/AIGC/1.0/',
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? _;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The prefixes bound to a namespace URI anywhere in the packet (documents may bind it more than once). */
function prefixesFor(packet: string, namespaceUri: string): string[] {
  const prefixes = new Set<string>();
  const re = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g;
  for (const m of packet.matchAll(re)) {
    const uri = m[3]!;
    // Lenient: accept the URI with or without its trailing slash/hash, as real files vary.
    if (uri === namespaceUri || uri.replace(/[/#]$/, '') === namespaceUri.replace(/[/#]$/, '')) prefixes.add(m[1]!);
  }
  return [...prefixes];
}

/**
 * Reads every value of an XMP property from raw packets, in attribute form (`p:Name="v"`), element form
 * (`<p:Name>v</p:Name>`), resource form (`<p:Name rdf:resource="v"/>`) and array form (`rdf:li` items).
 * Lenient by design: a regex reader over RDF/XML that tolerates broken packets instead of rejecting them.
 * @param packets raw XMP packets
 * @param namespaceUri the property's namespace URI
 * @param localName the property's local name
 * @returns the decoded values, in document order (empty when absent)
 */
export function readXmpProperty(packets: readonly string[], namespaceUri: string, localName: string): string[] {
  const values: string[] = [];
  for (const packet of packets) {
    for (const prefix of prefixesFor(packet, namespaceUri)) {
      const name = escapeRegExp(`${prefix}:${localName}`);
      for (const m of packet.matchAll(new RegExp(`[\\s<]${name}\\s*=\\s*(["'])([\\s\\S]*?)\\1`, 'g'))) {
        values.push(decodeXmlEntities(m[2]!));
      }
      for (const m of packet.matchAll(new RegExp(`<${name}(\\s[^>]*?)?(/?)>`, 'g'))) {
        const attrs = m[1] ?? '';
        const resource = /rdf:resource\s*=\s*(["'])([\s\S]*?)\1/.exec(attrs);
        if (resource) values.push(decodeXmlEntities(resource[2]!));
        if (m[2] === '/') continue;
        const start = m.index + m[0].length;
        const end = packet.indexOf(`</${prefix}:${localName}>`, start);
        if (end < 0) continue;
        const inner = packet.slice(start, end);
        const items = [...inner.matchAll(/<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)];
        if (items.length > 0) for (const item of items) values.push(decodeXmlEntities(item[1]!.trim()));
        else if (!inner.includes('<')) values.push(decodeXmlEntities(inner.trim()));
        else if (inner.includes('<![CDATA['))
          values.push(inner.replace(/^[\s\S]*?<!\[CDATA\[([\s\S]*?)\]\]>[\s\S]*$/, '$1'));
      }
    }
  }
  return values.filter((v) => v.length > 0);
}
