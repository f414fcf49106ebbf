import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskPhone, normalisePhone } from './phone.js';

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
