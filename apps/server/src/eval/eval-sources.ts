/**
 * The fixed selection of real photos the benchmark is built from (all under `../shared/data/images`), split into
 * references (the merchant's listing and packing photos, matched against) and holdout photos (never references:
 * the material of genuine negatives).
 *
 * - Listing photos: magento2-sample-data (white-background apparel and gear; one shot per product here), sorted
 *   by name and alternated: 60 references, 60 holdout. Neighbours in that order are often the same model in the
 *   same pose wearing another garment: hard "different product, same studio" negatives.
 * - solidus-sample-products (transparent mock-ups, flattened onto the colour given here): angle 1 of each
 *   product is a reference; the other angles of the same product (caps from the side and back, second bottle
 *   and hoodie shots) are "same product, shot differently" negatives.
 * - Camera photos: 47 real photos from exif-samples, metadata-extractor-images and bep-imagemeta (graphics,
 *   a blank panorama and byte-identical duplicates left out); 20 references, 27 holdout. The GPS series
 *   (DSCN00xx: one camera, one town, one day) is split across both: similar-scene negatives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One photo of the selection. */
export interface SourcePhoto {
  /** Stable id, e.g. `magento/wb01-black-0`. */
  readonly id: string;
  /** Path under the shared data folder. */
  readonly path: string;
  readonly kind: 'listing' | 'camera';
  /** `reference`: the merchant has it; `holdout`: never a reference. */
  readonly role: 'reference' | 'holdout';
  /** For photos with transparency: the colour they are flattened onto. */
  readonly background?: string;
  /** Same product as another photo of the selection (another angle), when known. */
  readonly product?: string;
}

const MAGENTO_REFERENCES = `lt04 mb02-blue-0 mg05-br-0 mh03-black_back mh05-white_back mh08-brown_alt1 mh10-blue_back mh12-red_main
mj02-green_back mj04-blue_main mj08-blue_main mj10-red_alt1 mj12-orange_main mp03-blue_main mp06-gray_back mp08-blue_main
mp10-black_main ms01-black_main ms03-black_main ms05-blue_main ms08-black_back ms10-blue_main msh01-blue_back
msh04-gray_main msh06-red_main msh09-blue_back msh12-black_main mt02-white_back mt06-black_main mt11-blue_main
wb01-black-0 wb03-green_alt1 wb05-black_back wg09-gr-0 wh03-purple_main wh05-white_main wh08-white_alternate
wh10-yellow_main wj01-red_main wj04-orange_main wj06-green_main wj08-gray_main wj10-yellow_main wp01-gray_back
wp04-black_main wp06-black_back wp08-green_main wp10-white_main wp13-orange_main ws03-red_back ws06-purple_back
ws09-blue_back ws12-blue_main wsh03-blue_main wsh05-purple_main wsh08-purple_main wsh11-blue_main wt02-green_main
wt04-red_main wt07-green_main`;

const MAGENTO_HOLDOUT = `luma-stability-ball mb05-black-0 mh02-black_alt1 mh04-green_main mh06-purple_main mh09-blue_back
mh11-white_back mj01-orange_main mj03-black_main mj06-purple_main mj09-white_main mj11-green_main mp02-gray_back
mp04-green_main mp07-blue_alt1 mp09-blue_alt1 mp11-brown_main ms02-black_main ms04-black_main ms06-yellow_main
ms09-blue_back ms12-black_main msh03-black_main msh05-gray_back msh08-black_back msh10-green_main mt01-red_alt1
mt04-blue_alt1 mt09-blue_alt1 ug03-bk-0 wb02-blue_alt1 wb04-blue-0 wb06-red-0_alt1 wh02-blue_alt1 wh04-blue_main
wh07-gray_main wh09-purple_main wh12-gray_main wj02-gray_main wj05-brown_alt1 wj07-purple_back wj09-green_back
wj12-black_main wp02-red_main wp05-blue_main wp07-black_back wp09-blue_main wp12-gray_back ws02-green_back
ws05-black_alt1 ws07-white_main ws10-red_main wsh01-green_main wsh04-black_back wsh06-purple_main wsh10-black_alt1
wsh12-purple_main wt03-red_alt1 wt06-blue_back wt08-purple_main`;

/** Solidus mock-ups: name, role, background, product group. */
const SOLIDUS: readonly [string, SourcePhoto['role'], string, string?][] = [
  ['bottles_1', 'reference', '#dfe9f3', 'bottles'],
  ['bottles_2', 'holdout', '#dfe9f3', 'bottles'],
  ['canvas_tote', 'reference', '#ffffff'],
  ['cap_black_1', 'reference', '#ffffff', 'cap_black'],
  ['cap_black_2', 'holdout', '#ffffff', 'cap_black'],
  ['cap_black_3', 'holdout', '#ffffff', 'cap_black'],
  ['cap_gray_1', 'reference', '#f6e7d8', 'cap_gray'],
  ['cap_gray_2', 'holdout', '#f6e7d8', 'cap_gray'],
  ['cap_gray_3', 'holdout', '#f6e7d8', 'cap_gray'],
  ['cap_red_1', 'reference', '#ffffff', 'cap_red'],
  ['cap_red_2', 'holdout', '#ffffff', 'cap_red'],
  ['cap_red_3', 'holdout', '#ffffff', 'cap_red'],
  ['dark_tee', 'reference', '#e9e9e9'],
  ['hat', 'reference', '#ffffff'],
  ['hoodie_black_1', 'reference', '#ffffff'],
  ['hoodie_red_1', 'reference', '#f3efe6', 'hoodie_red'],
  ['hoodie_red_2', 'holdout', '#f3efe6', 'hoodie_red'],
  ['long_sleeve_tee', 'reference', '#ffffff'],
  ['mug_set', 'reference', '#dcefe4'],
  ['notebook', 'reference', '#ffffff'],
  ['sticker', 'holdout', '#ffffff'],
  ['tote', 'holdout', '#efe9f7'],
  ['tshirt', 'holdout', '#ffffff'],
];

const EXIF = 'metadata/exif-samples/jpg';
const MEI = 'metadata/metadata-extractor-images/jpg';
const BEP = 'metadata/bep-imagemeta/testdata/images';
const CAMERA_REFERENCES = [
  `${EXIF}/exif-org/canon-ixus.jpg`,
  `${EXIF}/exif-org/fujifilm-dx10.jpg`,
  `${EXIF}/exif-org/kodak-dc240.jpg`,
  `${EXIF}/exif-org/olympus-c960.jpg`,
  `${EXIF}/exif-org/sanyo-vpcg250.jpg`,
  `${EXIF}/exif-org/sony-d700.jpg`,
  `${EXIF}/exif-org/sony-powershota5.jpg`,
  `${EXIF}/gps/DSCN0010.jpg`,
  `${EXIF}/gps/DSCN0021.jpg`,
  `${EXIF}/gps/DSCN0027.jpg`,
  `${EXIF}/gps/DSCN0038.jpg`,
  `${EXIF}/gps/DSCN0042.jpg`,
  `${EXIF}/mobile/jolla.jpg`,
  `${EXIF}/tests/22-canon_tags.jpg`,
  `${EXIF}/tests/36-memory_error.jpg`,
  `${MEI}/Apple iPhone 5.jpg`,
  `${MEI}/Nexus 4.jpg`,
  `${MEI}/Oppo R7 Plus.jpg`,
  `${BEP}/mushroom.jpg`,
  `${BEP}/metadata-extractor/nikonMakernoteType2b.jpg`,
];
const CAMERA_HOLDOUT = [
  `${EXIF}/Reconyx_HC500_Hyperfire.jpg`,
  `${EXIF}/exif-org/fujifilm-finepix40i.jpg`,
  `${EXIF}/exif-org/fujifilm-mx1700.jpg`,
  `${EXIF}/exif-org/kodak-dc210.jpg`,
  `${EXIF}/exif-org/nikon-e950.jpg`,
  `${EXIF}/exif-org/olympus-d320l.jpg`,
  `${EXIF}/exif-org/ricoh-rdc5300.jpg`,
  `${EXIF}/exif-org/sanyo-vpcsx550.jpg`,
  `${EXIF}/exif-org/sony-cybershot.jpg`,
  `${EXIF}/gps/DSCN0012.jpg`,
  `${EXIF}/gps/DSCN0025.jpg`,
  `${EXIF}/gps/DSCN0029.jpg`,
  `${EXIF}/gps/DSCN0040.jpg`,
  `${EXIF}/orientation/landscape_1.jpg`,
  `${EXIF}/tests/11-tests.jpg`,
  `${EXIF}/tests/30-type_error.jpg`,
  `${EXIF}/tests/33-type_error.jpg`,
  `${EXIF}/tests/45-gps_ifd.jpg`,
  `${EXIF}/tests/87_OSError.jpg`,
  `${MEI}/Canon EOS 1000D.jpg`,
  `${MEI}/HTC One M8.jpg`,
  `${MEI}/Nikon D100.jpg`,
  `${MEI}/Olympus FE230-X790.jpg`,
  `${BEP}/bep/sunrise.jpg`,
  `${BEP}/hugo-issue-8996.jpg`,
  `${BEP}/outofbounds-issue-34.jpg`,
  `${BEP}/metadata-extractor/manuallyAddedThumbnail.jpg`,
];

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const magento = (name: string) =>
  `images/products/magento2-sample-data/pub/media/catalog/product/${name[0]}/${name[1]}/${name}.jpg`;
const cameraId = (path: string) =>
  `camera/${path
    .split('/')
    .pop()!
    .replace(/\.jpe?g$/i, '')
    .replace(/\s+/g, '-')}`;

/** The benchmark's whole selection, references first. */
export const SOURCE_PHOTOS: readonly SourcePhoto[] = [
  ...words(MAGENTO_REFERENCES).map((n) => ({
    id: `magento/${n}`,
    path: magento(n),
    kind: 'listing' as const,
    role: 'reference' as const,
  })),
  ...SOLIDUS.filter(([, role]) => role === 'reference').map(([n, role, background, product]) => ({
    id: `solidus/${n}`,
    path: `images/products/solidus-sample-products/sample/db/samples/images/solidus_${n}.png`,
    kind: 'listing' as const,
    role,
    background,
    ...(product ? { product } : {}),
  })),
  ...CAMERA_REFERENCES.map((p) => ({
    id: cameraId(p),
    path: `images/${p}`,
    kind: 'camera' as const,
    role: 'reference' as const,
  })),
  ...words(MAGENTO_HOLDOUT).map((n) => ({
    id: `magento/${n}`,
    path: magento(n),
    kind: 'listing' as const,
    role: 'holdout' as const,
  })),
  ...SOLIDUS.filter(([, role]) => role === 'holdout').map(([n, role, background, product]) => ({
    id: `solidus/${n}`,
    path: `images/products/solidus-sample-products/sample/db/samples/images/solidus_${n}.png`,
    kind: 'listing' as const,
    role,
    background,
    ...(product ? { product } : {}),
  })),
  ...CAMERA_HOLDOUT.map((p) => ({
    id: cameraId(p),
    path: `images/${p}`,
    kind: 'camera' as const,
    role: 'holdout' as const,
  })),
];

/**
 * Reads every selected photo's bytes from the shared data folder.
 * @throws {Error} naming the folder and the first missing file when the shared data is absent or incomplete
 */
export function loadSourceBytes(
  dataDir: string,
  photos: readonly SourcePhoto[] = SOURCE_PHOTOS,
): Map<string, Uint8Array> {
  const hint = 'Put the shared data folder beside the repository (../shared/data) or pass --data <folder>.';
  if (!existsSync(dataDir)) {
    throw new Error(
      `The evaluation needs the shared test data (images/products, images/metadata) at ${dataDir}. ${hint}`,
    );
  }
  const bytes = new Map<string, Uint8Array>();
  for (const photo of photos) {
    const path = join(dataDir, photo.path);
    if (!existsSync(path)) throw new Error(`The evaluation's source photo ${photo.id} is missing: ${path}. ${hint}`);
    bytes.set(photo.id, new Uint8Array(readFileSync(path)));
  }
  return bytes;
}
