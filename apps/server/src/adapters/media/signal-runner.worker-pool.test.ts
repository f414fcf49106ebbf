import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import {
  DEFAULT_LIMITS,
  checkPhoto,
  type DetachedSignalOutcome,
  type DetachedSignalRequest,
  type ForensicPorts,
  type PhotoReport,
  type SignalRunner,
} from '@proofdesk/forensics';
import { fixtureBytes, paintStain, resaved, splice } from '../../testing/forgeries.js';
import { createForensicPorts } from './forensic-ports.js';
import { SignalWorkerPool } from './signal-runner.worker-pool.js';

/**
 * The tamper analyses on a worker thread (docs/adr/0020-check-on-two-threads.md): a check that hands them to the pool
 * must report exactly what a check on one thread reports — for forgeries the signals flag, untouched photos, a PNG and
 * a broken file — and every way the pool can fail (busy, timed out, closed) must leave the check to run them itself.
 */
const inline = createForensicPorts(DEFAULT_LIMITS, { signalWorkers: 0 });
const pool = new SignalWorkerPool({ size: 1, decodeTimeoutMs: DEFAULT_LIMITS.decodeTimeoutMs });
after(() => Promise.all([inline.close(), pool.close()]));

/** A runner that records what the pool answered to each check. */
function recording(runner: SignalRunner): SignalRunner & { readonly answers: string[] } {
  const answers: string[] = [];
  return {
    answers,
    tryRun(request: DetachedSignalRequest) {
      const running = runner.tryRun(request);
      if (!running) answers.push('declined');
      return running?.then(
        (outcomes) => (answers.push(`ran ${outcomes.map((o) => o.name).join(',')}`), outcomes),
        (error: Error) => (answers.push(`failed: ${error.message}`), Promise.reject(error)),
      );
    },
  };
}

const withRunner = (runner: SignalRunner): ForensicPorts => ({ ...inline, signalRunner: runner });
const check = (bytes: Uint8Array, ports: ForensicPorts, file = 'photo.jpg') =>
  checkPhoto({ file, bytes, sha256: 'x' }, ports);

/** The report without its timings (`timingsMs` at any depth), which differ from run to run. */
function comparable(report: PhotoReport): unknown {
  return JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'timingsMs' ? undefined : value)));
}

const DONOR = fixtureBytes('camera/canon-eos-1000d-rotated.jpg');
/** Photos, with the tamper finding each must carry (as in services/tamper-signals.test.ts). */
const photos: { name: string; bytes: () => Promise<Uint8Array>; file?: string; flags?: string }[] = [
  {
    name: 'a splice into a photo saved twice',
    bytes: async () => (await splice(await resaved(fixtureBytes('camera/jolla-phone.jpg'), 75), DONOR)).bytes,
    flags: 'tamper.double_jpeg',
  },
  {
    name: 'a stain painted on a re-saved photo, saved as PNG',
    bytes: async () =>
      (await paintStain(await resaved(fixtureBytes('camera/canon-digital-ixus.jpg'), 80), { output: 'png' })).bytes,
    file: 'photo.png',
    flags: 'tamper.ela',
  },
  {
    name: 'a splice from a much noisier camera',
    bytes: async () =>
      (
        await splice(fixtureBytes('camera/canon-powershot-sd300.jpg'), DONOR, {
          donorNoise: 30,
          output: 92,
          at: [0.2, 0.25, 0.22, 0.22],
        })
      ).bytes,
    flags: 'tamper.noise',
  },
  { name: 'an untouched camera photo', bytes: () => Promise.resolve(fixtureBytes('camera/oppo-r7-plus.jpg')) },
  { name: 'a listing photo', bytes: () => Promise.resolve(fixtureBytes('listing/jacket-green.jpg')) },
  {
    name: 'a truncated JPEG',
    bytes: () => Promise.resolve(fixtureBytes('camera/jolla-phone.jpg').subarray(0, 40_000)),
  },
];

describe('SignalWorkerPool', () => {
  before(() => pool.warm());

  for (const photo of photos) {
    it(`reports ${photo.name} exactly as a single-threaded check does`, async () => {
      const bytes = await photo.bytes();
      const runner = recording(pool);
      const [alone, split] = [
        await check(bytes, inline, photo.file),
        await check(bytes, withRunner(runner), photo.file),
      ];
      assert.deepEqual(comparable(split), comparable(alone));
      assert.deepEqual(bytes, await photo.bytes(), 'the caller’s bytes are untouched');
      if (alone.verdict === 'error') {
        // The preview could not be decoded: the check ends without waiting for the worker; let it finish.
        assert.deepEqual(runner.answers, []);
        await pool.warm();
        while (!runner.answers.length) await new Promise((r) => setTimeout(r, 20));
      }
      assert.deepEqual(runner.answers, ['ran tamper-double-jpeg,tamper-ela,tamper-noise']);
      assert.equal(split.facts.timingsMs?.['working'], undefined, 'the main thread read no working image');
      if (photo.flags) {
        assert.ok(
          split.findings.some((f) => f.code === photo.flags),
          `${photo.flags}: ${split.findings.map((f) => f.code).join(', ')}`,
        );
      }
    });
  }

  it('declines while its only worker is busy, and the second check runs the signals itself', async () => {
    const bytes = (await paintStain(fixtureBytes('camera/jolla-phone.jpg'))).bytes;
    const runner = recording(pool);
    const [first, second] = await Promise.all([check(bytes, withRunner(runner)), check(bytes, withRunner(runner))]);
    assert.deepEqual(runner.answers.sort(), ['declined', 'ran tamper-double-jpeg,tamper-ela,tamper-noise']);
    assert.deepEqual(comparable(second), comparable(first));
  });

  it('stops a run over its time limit, and the check runs the signals itself with nothing lost', async () => {
    const slow = new SignalWorkerPool({ size: 1, decodeTimeoutMs: 10_000, timeoutMs: 5 });
    try {
      await slow.warm();
      const bytes = await photos[0]!.bytes();
      const runner = recording(slow);
      const report = await check(bytes, withRunner(runner));
      assert.deepEqual(runner.answers, ['failed: the detached signals took longer than 5 ms']);
      assert.deepEqual(comparable(report), comparable(await check(bytes, inline)));
      assert.ok(report.findings.some((f) => f.code === 'tamper.double_jpeg'));
      // The timed-out worker was terminated; the pool starts a fresh one on the next request.
      assert.equal(slow.tryRun({ names: [], bytes, format: 'jpeg', ...dims(report) }), undefined);
      await slow.warm();
      // The fresh worker must answer; its 5 ms limit is frozen (mocked) so that a busy machine cannot fail the run.
      mock.timers.enable({ apis: ['setTimeout'] });
      let outcomes: readonly DetachedSignalOutcome[] | undefined;
      try {
        outcomes = await slow.tryRun({
          names: ['tamper-noise'],
          bytes: new Uint8Array(1),
          format: 'jpeg',
          ...dims(report),
        });
      } finally {
        mock.timers.reset();
      }
      assert.deepEqual(
        outcomes?.map((o: DetachedSignalOutcome) => o.name),
        ['tamper-noise'],
      );
    } finally {
      await slow.close();
    }
  });

  it('rejects the run in flight when closed and declines afterwards', async () => {
    const closing = new SignalWorkerPool({ size: 1, decodeTimeoutMs: 10_000 });
    await closing.warm();
    const bytes = fixtureBytes('camera/oppo-r7-plus.jpg');
    const running = closing.tryRun({ names: ['tamper-ela'], bytes, format: 'jpeg', ...dims({ width: 1, height: 1 }) });
    assert.ok(running);
    const rejected = assert.rejects(running, /the signal worker pool was closed/);
    await closing.close();
    await rejected;
    assert.equal(closing.tryRun({ names: [], bytes, format: 'jpeg', ...dims({ width: 1, height: 1 }) }), undefined);
  });

  it('refuses nonsense sizes and durations', () => {
    assert.throws(() => new SignalWorkerPool({ size: 0, decodeTimeoutMs: 1000 }), /size to be a positive number/);
    assert.throws(() => new SignalWorkerPool({ decodeTimeoutMs: Number.NaN }), /decodeTimeoutMs/);
  });
});

function dims(report: { width: number; height: number }) {
  return {
    header: { width: report.width, height: report.height, orientation: 1, pages: 1 },
    width: report.width,
    height: report.height,
    maxPixels: DEFAULT_LIMITS.maxPixels,
  };
}
