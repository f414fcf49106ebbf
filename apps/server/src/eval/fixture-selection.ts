/**
 * A tiny selection of the repository's own fixtures (no shared data needed), for the benchmark's tests: two
 * listing photos and two camera photos as references, one of each as holdout.
 */
import type { SourcePhoto } from './eval-sources.js';

/** Fixture photos, paths relative to the repository root. */
export const FIXTURE_SOURCES: readonly SourcePhoto[] = [
  { id: 'listing/jacket-green', path: 'fixtures/listing/jacket-green.jpg', kind: 'listing', role: 'reference' },
  { id: 'listing/tote-bag-black', path: 'fixtures/listing/tote-bag-black.jpg', kind: 'listing', role: 'reference' },
  { id: 'camera/fujifilm-dx10', path: 'fixtures/camera/fujifilm-dx10.jpg', kind: 'camera', role: 'reference' },
  {
    id: 'camera/nikon-coolpix',
    path: 'fixtures/camera/nikon-coolpix-p6000-gps.jpg',
    kind: 'camera',
    role: 'reference',
  },
  { id: 'listing/hoodie-black', path: 'fixtures/listing/hoodie-black-top-edge.jpg', kind: 'listing', role: 'holdout' },
  { id: 'camera/canon-ixus', path: 'fixtures/camera/canon-digital-ixus.jpg', kind: 'camera', role: 'holdout' },
];
