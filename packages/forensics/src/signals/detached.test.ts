import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DetachedSignalRequest, ImageDecoder } from '../ports.js';
import { detachedContext, runDetachedSignals } from './detached.js';
import { SIGNALS } from './index.js';
import type { Signal } from './signal.js';

const request: DetachedSignalRequest = {
  names: [],
  bytes: new Uint8Array([1, 2, 3]),
  format: 'png',
  header: { width: 4, height: 3, orientation: 1, pages: 1 },
  width: 4,
  height: 3,
  maxPixels: 1e6,
};
const decoder = {} as ImageDecoder;

describe('detachable signals', () => {
  it('are exactly the tamper analyses, the only signals that read the working image', () => {
    assert.deepEqual(
      SIGNALS.filter((s) => s.detachable).map((s) => s.name),
      ['tamper-double-jpeg', 'tamper-ela', 'tamper-noise'],
    );
    for (const s of SIGNALS) assert.equal(Boolean(s.workingImage), Boolean(s.detachable), s.name);
  });

  it('see only what a request carries: reading anything else throws instead of answering undefined', () => {
    const ctx = detachedContext(request, decoder);
    assert.equal(ctx.bytes, request.bytes);
    assert.equal(ctx.width, 4);
    assert.equal(ctx.decoder, decoder);
    assert.throws(() => ctx.preview, /read ctx\.preview, which a DetachedSignalRequest does not carry/);
    assert.throws(() => ctx.meta, /ctx\.meta/);
    assert.throws(() => ctx.references, /ctx\.references/);
  });

  it('run in the order named; a throwing signal or a name that is not detachable is an outcome, never a rejection', async () => {
    const calls: string[] = [];
    const fake = (name: string, run: Signal['run'], detachable = true): Signal => ({ name, detachable, run });
    const signals = [
      fake('a', () => (calls.push('a'), { findings: [], facts: { byteLength: 3 } })),
      fake('b', () => {
        calls.push('b');
        throw new Error('b broke');
      }),
      fake('c', (ctx) => (calls.push(`c ${ctx.width}`), { findings: [] })),
      fake('local', () => ({ findings: [] }), false),
    ];
    const outcomes = await runDetachedSignals(
      { ...request, names: ['c', 'b', 'a', 'local', 'nope'] },
      decoder,
      signals,
    );
    assert.deepEqual(calls, ['c 4', 'b', 'a']);
    assert.deepEqual(
      outcomes.map((o) => ({ name: o.name, ...('error' in o ? { error: o.error } : { facts: o.result.facts }) })),
      [
        { name: 'c', facts: undefined },
        { name: 'b', error: 'b broke' },
        { name: 'a', facts: { byteLength: 3 } },
        { name: 'local', error: 'local is not a detachable signal' },
        { name: 'nope', error: 'nope is not a detachable signal' },
      ],
    );
    for (const o of outcomes) assert.ok(o.ms >= 0);
  });

  it('reading a field the request lacks surfaces as that signal’s error', async () => {
    const nosy: Signal = {
      name: 'nosy',
      detachable: true,
      run: (ctx) => ({ findings: [], facts: { byteLength: ctx.preview.width } }),
    };
    const [outcome] = await runDetachedSignals({ ...request, names: ['nosy'] }, decoder, [nosy]);
    assert.ok(outcome && 'error' in outcome);
    assert.match(outcome.error, /ctx\.preview/);
  });
});
