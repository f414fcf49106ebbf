import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawMetadata } from '../ports.js';
import { editingSoftwareSignal, matchEditors, softwareStrings } from './editing-software.js';
import type { SignalContext, SignalResult } from './signal.js';

const ctx = (exif: Record<string, unknown>, xmp: string[] = []) =>
  ({ meta: { exif, xmp, iptc: {}, errors: [] } satisfies RawMetadata, pngText: [] }) as unknown as SignalContext;

describe('matchEditors', () => {
  const fire: [string, string][] = [
    ['Adobe Photoshop 25.0 (Windows)', 'Adobe Photoshop'],
    ['Adobe Photoshop Lightroom Classic 13.0 (Windows)', 'Adobe Lightroom'],
    ['GIMP 2.10.34', 'GIMP'],
    ['MeituXiuxiu', 'Meitu 美图秀秀'],
    ['美图秀秀', 'Meitu 美图秀秀'],
    ['醒图', 'Xingtu 醒图 / Hypic'],
    ['Snapseed 2.0', 'Snapseed'],
    ['Picsart', 'Picsart'],
    ['Adobe Firefly', 'Adobe Firefly'],
  ];
  for (const [software, editor] of fire) {
    it(`recognises ${software}`, () => assert.equal(matchEditors([software])[0]?.name, editor));
  }
  const quiet = [
    '6.0',
    'Ver.5.01',
    'HDR+ 1.0.345',
    'Android RP1A.200720.012',
    'iPhone 13 Pro',
    'Picasa',
    'COOLPIX P7000V1.0',
    'MediaTek Camera Application',
    'Windows Photo Editor 10.0.10011.16384',
  ];
  for (const software of quiet) {
    it(`ignores camera or system software "${software}"`, () => assert.deepEqual(matchEditors([software]), []));
  }
});

describe('editingSoftwareSignal', () => {
  it('reads XMP CreatorTool and history software agents', () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmp:CreatorTool="醒图"><xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop 24.1 (Macintosh)"/></rdf:Seq></xmpMM:History></rdf:Description></rdf:RDF></x:xmpmeta>`;
    assert.deepEqual(softwareStrings(ctx({}, [xmp])), ['醒图', 'Adobe Photoshop 24.1 (Macintosh)']);
  });
  it('is a weak signal: one finding, score well below the suspicious threshold', () => {
    const result = editingSoftwareSignal.run(ctx({ Software: 'Adobe Photoshop 25.0 (Windows)' })) as SignalResult;
    assert.equal(result.findings.length, 1);
    assert.ok(result.findings[0]!.score < 0.35);
  });
  it('records camera firmware as a fact without a finding', () => {
    const result = editingSoftwareSignal.run(ctx({ Software: '16.1.1' })) as SignalResult;
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.facts?.software, ['16.1.1']);
  });
});
