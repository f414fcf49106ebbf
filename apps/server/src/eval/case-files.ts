/**
 * Writes generated cases to a folder for inspection: each photo, its damage mask as a PNG (white = painted),
 * and `cases.json` with every case's source, reference, transforms (with parameters) and damage facts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { EvalCase } from './eval-cases.js';

/** Writes one case's photo and mask; returns its manifest entry (everything but the pixels). */
export async function writeCase(dir: string, c: EvalCase): Promise<Record<string, unknown>> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, c.file), c.bytes);
  let maskFile: string | undefined;
  if (c.mask) {
    maskFile = `${c.id}.mask.png`;
    const png = await sharp(c.mask.data, { raw: { width: c.mask.width, height: c.mask.height, channels: 1 } })
      .png()
      .toBuffer();
    writeFileSync(join(dir, maskFile), png);
  }
  const { bytes: _bytes, mask: _mask, ...facts } = c;
  return { ...facts, ...(maskFile ? { maskFile } : {}) };
}

/** Writes the manifest of the written cases. */
export function writeManifest(
  dir: string,
  meta: Record<string, unknown>,
  entries: readonly Record<string, unknown>[],
): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cases.json'), `${JSON.stringify({ ...meta, cases: entries }, null, 1)}\n`);
}
