import { aigcLabelSignal } from './aigc-label.js';
import { c2paSignal } from './c2pa.js';
import { captureTimeSignal } from './capture-time.js';
import { editingSoftwareSignal } from './editing-software.js';
import { generatorParamsSignal } from './generator-params.js';
import { iptcSourceSignal } from './iptc-source.js';
import { referenceSignal } from './reference.js';
import { screenshotSignal } from './screenshot.js';
import type { Signal } from './signal.js';
import { tamperDoubleJpegSignal } from './tamper-double-jpeg.js';
import { tamperElaSignal } from './tamper-ela.js';
import { tamperNoiseSignal } from './tamper-noise.js';
import { thumbnailSignal } from './thumbnail.js';

/** Every signal `checkPhoto` runs, in report order. */
export const SIGNALS: readonly Signal[] = [
  c2paSignal,
  aigcLabelSignal,
  iptcSourceSignal,
  generatorParamsSignal,
  editingSoftwareSignal,
  captureTimeSignal,
  referenceSignal,
  screenshotSignal,
  thumbnailSignal,
  tamperDoubleJpegSignal,
  tamperElaSignal,
  tamperNoiseSignal,
];
