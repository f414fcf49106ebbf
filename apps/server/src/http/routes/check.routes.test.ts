import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixtureBytes, paintStain } from '../../testing/forgeries.js';
import { createTestApp, type TestApp } from '../test-app.js';

interface Part {
  readonly field: 'photo' | 'ref';
  readonly filename: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
}

/** A `multipart/form-data` body with several files, for `inject`. */
function multipartFiles(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----proofdesk${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\n` +
        `Content-Type: ${p.contentType ?? 'image/jpeg'}\r\n\r\n`,
    ),
    Buffer.from(p.bytes),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Report {
  file: string;
  verdict: string;
  findings: { code: string; ref?: { file: string } }[];
}

describe('check routes (photos outside a claim)', () => {
  let h: TestApp;
  let parts: Part[];
  before(async () => {
    h = await createTestApp('sqlite');
    const listing = fixtureBytes('listing/cap-red-front.jpg');
    const forged = await paintStain(listing);
    parts = [
      { field: 'photo', filename: 'claim-photo.jpg', bytes: forged.bytes },
      { field: 'photo', filename: 'notes.txt', bytes: Buffer.from('not a photo at all'), contentType: 'text/plain' },
      { field: 'ref', filename: 'cap-red-front.jpg', bytes: listing },
    ];
  });
  after(() => h.dispose());

  it('checks a listing-derived forgery against its reference and answers a non-image as verdict error', async () => {
    const form = multipartFiles(parts);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/check',
      headers: { ...h.as.reviewer, ...form.headers },
      payload: form.payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    const { reports } = res.json<{ reports: Report[] }>();
    assert.deepEqual(
      reports.map((r) => r.file),
      ['claim-photo.jpg', 'notes.txt'],
    );
    const derived = reports[0]!.findings.find((f) => f.code === 'reference.derived_from_listing');
    assert.equal(derived?.ref?.file, 'cap-red-front.jpg');
    assert.notEqual(reports[0]!.verdict, 'clean');
    assert.equal(reports[1]!.verdict, 'error');
  });

  it('answers the bilingual HTML report as a download', async () => {
    const form = multipartFiles(parts);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/check/html?lang=en',
      headers: { ...h.as.agent, ...form.headers },
      payload: form.payload,
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(String(res.headers['content-disposition']), /^attachment/);
    assert.match(res.body, /^<!doctype html>/);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /claim-photo\.jpg/);
    assert.match(res.body, /data:image\/jpeg;base64,/);
  });

  it('refuses a form without photos, and answers 401 without credentials', async () => {
    const refsOnly = multipartFiles(parts.filter((p) => p.field === 'ref'));
    const none = await h.app.inject({
      method: 'POST',
      url: '/api/v1/check',
      headers: { ...h.as.reviewer, ...refsOnly.headers },
      payload: refsOnly.payload,
    });
    assert.equal(none.statusCode, 422, none.body);
    for (const url of ['/api/v1/check', '/api/v1/check/html']) {
      const form = multipartFiles(parts);
      const res = await h.app.inject({ method: 'POST', url, headers: form.headers, payload: form.payload });
      assert.equal(res.statusCode, 401, `${url}: ${res.body}`);
    }
  });
});
