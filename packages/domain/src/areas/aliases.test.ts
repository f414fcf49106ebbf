import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AREA_ALIASES } from './aliases.js';
import { getDivision } from './divisions.js';
import { normalizePlaceName } from './names.js';
import { resolveArea } from './resolve.js';

describe('the alias table', () => {
  it('names divisions that exist, with context divisions that exist, each name once per context', () => {
    const seen = new Set<string>();
    for (const alias of AREA_ALIASES) {
      assert.ok(getDivision(alias.code), `${alias.name}: no division ${alias.code}`);
      for (const code of alias.after ?? []) assert.ok(getDivision(code), `${alias.name}: no context ${code}`);
      assert.equal(alias.name, normalizePlaceName(alias.name), `${alias.name} is not normalised`);
      assert.ok(alias.note.length > 0);
      const key = `${alias.name}@${(alias.after ?? []).join(',')}`;
      assert.ok(!seen.has(key), `${key} twice`);
      seen.add(key);
    }
  });

  for (const alias of AREA_ALIASES) {
    const input = alias.after ? `${getDivision(alias.after[0]!)!.name}${alias.name}` : alias.name;
    it(`${input} → ${alias.code} (${alias.note})`, () => {
      const result = resolveArea(input);
      assert.equal(result.status, 'resolved', JSON.stringify(result));
      if (result.status === 'resolved') assert.equal(result.division.code, alias.code);
    });
  }

  it("an alias with a context does not apply without it: 南沙区 alone is Guangzhou's", () => {
    const result = resolveArea('南沙区');
    assert.equal(result.status === 'resolved' && result.division.fullName, '广东省广州市南沙区');
  });
});
