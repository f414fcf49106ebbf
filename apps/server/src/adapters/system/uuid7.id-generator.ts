import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '@proofdesk/domain';
import { systemClock } from './system-clock.js';

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then random bits, with a monotonic counter inside one
 * millisecond so ids made in order sort in order. Lowercase text sorts like the time, which makes ids usable as
 * pagination cursors.
 */
export class Uuid7IdGenerator implements IdGenerator {
  private lastMs = -1;
  private counter = 0;
  constructor(private readonly clock: Clock = systemClock) {}

  next(): string {
    let ms = this.clock.nowMs();
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.counter += 1;
      if (this.counter > 0xfff) {
        ms += 1;
        this.counter = 0;
      }
    } else {
      this.counter = 0;
    }
    this.lastMs = ms;
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | ((this.counter >> 8) & 0x0f);
    bytes[7] = this.counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
