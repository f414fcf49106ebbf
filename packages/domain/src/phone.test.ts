import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskPhone, normalisePhone, parsePhone } from './phone.js';

describe('normalisePhone', () => {
  const cases: [string, string][] = [
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['（+86）138.0013.8000', '13800138000'],
    ['010-6552 9988', '01065529988'],
    ['400-810-8888', '4008108888'],
    ['86123', '86123'],
    ['', ''],
  ];
  for (const [raw, expected] of cases)
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(normalisePhone(raw), expected));
});

describe('maskPhone', () => {
  const cases: [string, string][] = [
    ['13800138000', '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
    ['400-810-8888', '400***8888'],
    ['1234567', '1234567'],
    ['123456', '******'],
    ['', ''],
  ];
  for (const [raw, expected] of cases)
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(maskPhone(raw), expected));
});

describe('parsePhone', () => {
  // [written, number, kind, extension?] — the ways customers copy numbers off pages and text messages.
  const read: [string, string, string, string?][] = [
    ['400-1865-909', '4001865909', 'service_400'],
    ['4001865909', '4001865909', 'service_400'],
    ['400 186 5909', '4001865909', 'service_400'],
    ['+86 400 186 5909', '4001865909', 'service_400'],
    ['+86-400-1865-909', '4001865909', 'service_400'],
    ['86 4001865909', '4001865909', 'service_400'],
    ['４００－１８６５－９０９', '4001865909', 'service_400'],
    ['400-1865-909转2', '4001865909', 'service_400', '2'],
    ['400-186-5909 ext. 12', '4001865909', 'service_400', '12'],
    ['24小时全国统一维修热线：400-888-6699', '4008886699', 'service_400'],
    ['800-820-1234', '8008201234', 'service_800'],
    ['95105105', '95105105', 'service_95'],
    ['10086', '10086', 'short'],
    ['010-65529988', '01065529988', 'landline'],
    ['(010)6552 9988', '01065529988', 'landline'],
    ['（０１０）６５５２９９８８', '01065529988', 'landline'],
    ['86-10-65529988', '01065529988', 'landline'],
    ['+86 10 6552 9988', '01065529988', 'landline'],
    ['+86 (0)10 6552 9988', '01065529988', 'landline'],
    ['0086 755 8888 6666', '075588886666', 'landline'],
    ['0755-8888 6666转8001', '075588886666', 'landline', '8001'],
    ['0571-8888888', '05718888888', 'landline'],
    ['13800138000', '13800138000', 'mobile'],
    ['138 0013 8000', '13800138000', 'mobile'],
    ['+86 138-0013-8000', '13800138000', 'mobile'],
    ['8613800138000', '13800138000', 'mobile'],
    ['008613800138000', '13800138000', 'mobile'],
    ['１３８００１３８０００', '13800138000', 'mobile'],
  ];
  for (const [raw, number, kind, extension] of read)
    it(`${JSON.stringify(raw)} → ${number} (${kind})`, () => {
      const parsed = parsePhone(raw);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.number, number);
      assert.equal(parsed.kind, kind);
      assert.equal(parsed.extension, extension);
    });

  const refused: string[] = [
    '',
    '4OO-186-59O9', // letter O for zero, as some scam pages print to dodge search
    '65529988', // a landline without its area code
    '+1 650 253 0000',
    '400-186-590', // one digit short
    '138001380001',
    '12',
    '400-888-6699 / 010-65529988', // two numbers at once
    'call me',
  ];
  for (const raw of refused)
    it(`refuses ${JSON.stringify(raw)} with a reason`, () => {
      const parsed = parsePhone(raw);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.ok(parsed.reason.zh.length > 0 && parsed.reason.en.length > 0);
    });

  it('formats for display and keeps the extension', () => {
    const parsed = parsePhone('4001865909转2');
    assert.ok(parsed.ok);
    assert.equal(parsed.display, '400-186-5909 转 2');
    const landline = parsePhone('+86 10 65529988');
    assert.ok(landline.ok);
    assert.equal(landline.display, '010-6552 9988');
    assert.equal(landline.areaCode, '010');
  });
});
