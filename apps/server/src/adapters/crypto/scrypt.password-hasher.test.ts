import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScryptPasswordHasher } from './scrypt.password-hasher.js';

// A low cost keeps the test fast; the format and the comparison are what is under test.
const hasher = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });

test('a hash has the scrypt$N$r$p$salt$hash form and verifies only its own password', async () => {
  const stored = await hasher.hash('correct horse 电池');
  assert.match(stored, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.equal(await hasher.verify('correct horse 电池', stored), true);
  assert.equal(await hasher.verify('correct horse 电', stored), false);
  assert.equal(await hasher.verify('', stored), false);
});

test('two hashes of one password differ (random salt) and both verify', async () => {
  const [a, b] = [await hasher.hash('pw'), await hasher.hash('pw')];
  assert.notEqual(a, b);
  assert.equal(await hasher.verify('pw', a), true);
  assert.equal(await hasher.verify('pw', b), true);
});

test('parameters are read from the stored hash, so a hash made at another cost still verifies', async () => {
  const stored = await new ScryptPasswordHasher({ N: 2048, r: 4, p: 2 }).hash('pw');
  assert.equal(await hasher.verify('pw', stored), true);
});

test('malformed or tampered stored hashes are refused without throwing', async () => {
  const stored = await hasher.hash('pw');
  const parts = stored.split('$');
  for (const bad of [
    '',
    'bcrypt$1024$8$1$x$y',
    stored.replace('$1024$', '$1000$'),
    stored.replace('$1024$', `$${2 ** 30}$`),
    parts.slice(0, 5).join('$'),
    [...parts.slice(0, 5), 'AAAA'].join('$'),
  ])
    assert.equal(await hasher.verify('pw', bad), false, bad);
});
