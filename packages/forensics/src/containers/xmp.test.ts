import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMP_NS, decodeXmlEntities, readXmpProperty } from './xmp.js';

const wrap = (body: string, ns = `xmlns:Iptc4xmpExt="${XMP_NS.iptcExt}"`) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ${ns} ${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('readXmpProperty', () => {
  const uri = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
  const cases: [string, string][] = [
    ['attribute', wrap(`Iptc4xmpExt:DigitalSourceType="${uri}">`)],
    ['element', wrap(`><Iptc4xmpExt:DigitalSourceType>${uri}</Iptc4xmpExt:DigitalSourceType>`)],
    ['resource', wrap(`><Iptc4xmpExt:DigitalSourceType rdf:resource="${uri}"/>`)],
    [
      'bag',
      wrap(
        `><Iptc4xmpExt:DigitalSourceType><rdf:Bag><rdf:li>${uri}</rdf:li></rdf:Bag></Iptc4xmpExt:DigitalSourceType>`,
      ),
    ],
    ['other prefix', wrap(`ext:DigitalSourceType="${uri}">`, `xmlns:ext="${XMP_NS.iptcExt}"`)],
  ];
  for (const [name, packet] of cases) {
    it(`reads the ${name} form`, () =>
      assert.deepEqual(readXmpProperty([packet], XMP_NS.iptcExt, 'DigitalSourceType'), [uri]));
  }
  it('does not read a same-named property of another namespace', () => {
    const packet = wrap(`other:DigitalSourceType="${uri}">`, 'xmlns:other="http://example.com/"');
    assert.deepEqual(readXmpProperty([packet], XMP_NS.iptcExt, 'DigitalSourceType'), []);
  });
  it('survives a truncated packet', () => {
    const packet = wrap(`><Iptc4xmpExt:DigitalSourceType>${uri}`).slice(0, -40);
    assert.deepEqual(readXmpProperty([packet], XMP_NS.iptcExt, 'DigitalSourceType'), []);
  });
  it('decodes entities', () => assert.equal(decodeXmlEntities('{&quot;Label&quot;:&#34;1&#x22;}'), '{"Label":"1"}'));
});
