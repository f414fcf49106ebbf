import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawMetadata } from '../ports.js';
import { aigcLabelSignal, findAigcLabels, parseAigcLabel } from './aigc-label.js';
import type { SignalContext } from './signal.js';

const EMPTY: RawMetadata = { exif: {}, xmp: [], iptc: {}, errors: [] };
const conforming = JSON.stringify({
  Label: '1',
  ContentProducer: '001191110108MA01KP2T6U00000',
  ProduceID: 'a1b2c3',
  ReservedCode1: '',
  ContentPropagator: '',
  PropagateID: '',
  ReservedCode2: '',
});
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const xmpAttr = (value: string, prefix = 'TC260') =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:${prefix}="http://www.tc260.org.cn/ns/AIGC/1.0/" ${prefix}:AIGC="${escapeAttr(value)}"/></rdf:RDF></x:xmpmeta>`;
const xmpElement = (value: string) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/"><TC260:AIGC>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</TC260:AIGC></rdf:Description></rdf:RDF></x:xmpmeta>`;

function ctx(
  meta: Partial<RawMetadata>,
  pngText: SignalContext['pngText'] = [],
): Pick<SignalContext, 'meta' | 'pngText'> {
  return { meta: { ...EMPTY, ...meta }, pngText };
}

describe('parseAigcLabel', () => {
  const cases: { name: string; raw: string; meaning: string; label?: string; compliant: boolean }[] = [
    { name: 'conforming Label 1', raw: conforming, meaning: 'generated', label: '1', compliant: true },
    {
      name: 'Label 2',
      raw: conforming.replace('"Label":"1"', '"Label":"2"'),
      meaning: 'possibly',
      label: '2',
      compliant: true,
    },
    {
      name: 'Label 3',
      raw: conforming.replace('"Label":"1"', '"Label":"3"'),
      meaning: 'suspected',
      label: '3',
      compliant: true,
    },
    {
      name: 'numeric label',
      raw: '{"Label":1,"ContentProducer":"x","ProduceID":"y"}',
      meaning: 'generated',
      label: '1',
      compliant: false,
    },
    {
      name: 'Label "AIGC" (seen in real files)',
      raw: '{"Label":"AIGC","ContentProducer":"x"}',
      meaning: 'declared',
      label: 'AIGC',
      compliant: false,
    },
    {
      name: 'single-quoted pseudo JSON',
      raw: "{'Label':'1','ContentProducer':'x','ProduceID':'y'}",
      meaning: 'generated',
      label: '1',
      compliant: false,
    },
    {
      name: 'lower-case key',
      raw: '{"label":"2","ContentProducer":"x","ProduceID":"y"}',
      meaning: 'possibly',
      label: '2',
      compliant: false,
    },
    {
      name: 'unknown label value',
      raw: '{"Label":"9","ContentProducer":"x","ProduceID":"y"}',
      meaning: 'unknown',
      label: '9',
      compliant: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseAigcLabel(c.raw, 'xmp');
      assert.ok(parsed);
      assert.equal(parsed.meaning, c.meaning);
      assert.equal(parsed.label, c.label);
      assert.equal(parsed.compliance.length === 0, c.compliant, parsed.compliance.join('; '));
    });
  }
  it('returns undefined for an empty value', () => {
    assert.equal(parseAigcLabel('   ', 'xmp'), undefined);
  });
});

describe('findAigcLabels', () => {
  it('reads the XMP attribute form, with any prefix bound to the TC260 namespace', () => {
    const labels = findAigcLabels(ctx({ xmp: [xmpAttr(conforming, 'aigc')] }));
    assert.equal(labels.length, 1);
    assert.equal(labels[0]!.source, 'xmp');
    assert.equal(labels[0]!.fields.ProduceID, 'a1b2c3');
  });
  it('reads the XMP element form', () => {
    assert.equal(findAigcLabels(ctx({ xmp: [xmpElement(conforming)] }))[0]?.meaning, 'generated');
  });
  it('reads a PNG text chunk keyed AIGC', () => {
    const labels = findAigcLabels(ctx({}, [{ type: 'tEXt', keyword: 'AIGC', text: conforming }]));
    assert.equal(labels[0]?.source, 'png_text');
  });
  it('reads the EXIF UserComment JSON wrapper', () => {
    const labels = findAigcLabels(
      ctx({ exif: { UserComment: JSON.stringify({ AIGC: JSON.parse(conforming) as unknown }) } }),
    );
    assert.equal(labels[0]?.source, 'exif_user_comment');
    assert.equal(labels[0]?.meaning, 'generated');
  });
  it('ignores a property of the same name in another namespace', () => {
    const other = xmpAttr(conforming).replace('http://www.tc260.org.cn/ns/AIGC/1.0/', 'http://example.com/ns/');
    assert.deepEqual(findAigcLabels(ctx({ xmp: [other] })), []);
  });
  it('ignores ordinary UserComments and PNG chunks', () => {
    assert.deepEqual(
      findAigcLabels(
        ctx({ exif: { UserComment: 'Screenshot' } }, [{ type: 'tEXt', keyword: 'Comment', text: 'AIGC' }]),
      ),
      [],
    );
  });
});

describe('aigcLabelSignal', () => {
  const run = (meta: Partial<RawMetadata>, pngText: SignalContext['pngText'] = []) =>
    aigcLabelSignal.run(ctx(meta, pngText) as SignalContext) as unknown as {
      findings: { code: string; severity: string; score: number }[];
    };
  it('Label 1 is decisive (score 1, high)', () => {
    const [finding] = run({ xmp: [xmpAttr(conforming)] }).findings;
    assert.equal(finding?.code, 'provenance.aigc_label');
    assert.equal(finding?.severity, 'high');
    assert.equal(finding?.score, 1);
  });
  it('Label 3 is a warning below the decisive threshold', () => {
    const [finding] = run({ xmp: [xmpAttr(conforming.replace('"Label":"1"', '"Label":"3"'))] }).findings;
    assert.equal(finding?.severity, 'warn');
    assert.ok(finding.score < 0.9);
  });
  it('reports the strongest label when several are present', () => {
    const weak = conforming.replace('"Label":"1"', '"Label":"3"');
    const [finding] = run({ xmp: [xmpAttr(weak)] }, [{ type: 'tEXt', keyword: 'AIGC', text: conforming }]).findings;
    assert.equal(finding?.score, 1);
  });
  it('finds nothing in a photo without a label', () => {
    assert.deepEqual(run({ exif: { Make: 'Apple', Model: 'iPhone 13' } }).findings, []);
  });
});
