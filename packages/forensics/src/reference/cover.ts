/**
 * The shape of the changed cells as a few boxes: reviewers and the report contract get rectangles, and one bounding
 * box per region would be mostly background around a crack or a ring of shattered glass. The cells are covered on
 * tiles of t×t cells (a tile counts when at least a quarter of its cells are changed), runs of tiles along a row become
 * boxes, and a box is extended downwards while the next row has the same run; t grows until the boxes fit the
 * budget. Pure.
 */

/** A box on the grid, in cells. */
export interface CellBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Covers the 1-cells of `mask` with at most `maxBoxes` boxes (fewer, coarser tiles when needed).
 * @example coverBoxes(Uint8Array.of(1, 1, 0, 1, 1, 0), 3, 2, 4) // [{ x: 0, y: 0, w: 2, h: 2 }]
 */
export function coverBoxes(mask: Uint8Array, width: number, height: number, maxBoxes: number): CellBox[] {
  let any = false;
  for (let i = 0; i < mask.length && !any; i++) any = mask[i] === 1;
  if (!any) return [];
  for (let tile = 1; ; tile++) {
    const boxes = coverOnTiles(mask, width, height, tile, maxBoxes);
    // Tiles so coarse that nothing fills a quarter of one: the bounding box of the cells is the best cover left.
    if (boxes?.length === 0) return [boundingBox(mask, width, height)];
    if (boxes) return boxes;
  }
}

/** The cover on tiles of `tile` cells, or undefined when it takes more than `maxBoxes` boxes. */
function coverOnTiles(
  mask: Uint8Array,
  width: number,
  height: number,
  tile: number,
  maxBoxes: number,
): CellBox[] | undefined {
  const tw = Math.ceil(width / tile);
  const th = Math.ceil(height / tile);
  const on = new Uint8Array(tw * th);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      let count = 0;
      let cells = 0;
      for (let y = ty * tile; y < Math.min(height, (ty + 1) * tile); y++) {
        for (let x = tx * tile; x < Math.min(width, (tx + 1) * tile); x++) {
          count += mask[y * width + x]!;
          cells++;
        }
      }
      // Single cells count when set; larger tiles when a quarter is set (a thin stroke through a tile of 2–4).
      on[ty * tw + tx] = count > 0 && count * 4 >= cells ? 1 : 0;
    }
  }
  // Open boxes keyed by their run (x0, x1) in tiles, extended while the next row repeats the run.
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  let open = new Map<number, number>();
  for (let ty = 0; ty < th; ty++) {
    const next = new Map<number, number>();
    for (let tx = 0; tx < tw;) {
      if (!on[ty * tw + tx]) {
        tx++;
        continue;
      }
      const x0 = tx;
      while (tx < tw && on[ty * tw + tx]) tx++;
      const key = x0 * (tw + 1) + tx;
      const index = open.get(key);
      if (index !== undefined) {
        boxes[index]!.y1 = ty + 1;
        next.set(key, index);
      } else {
        boxes.push({ x0, x1: tx, y0: ty, y1: ty + 1 });
        if (boxes.length > maxBoxes) return undefined;
        next.set(key, boxes.length - 1);
      }
    }
    open = next;
  }
  return boxes.map((b) => {
    const x = b.x0 * tile;
    const y = b.y0 * tile;
    return { x, y, w: Math.min(width, b.x1 * tile) - x, h: Math.min(height, b.y1 * tile) - y };
  });
}

function boundingBox(mask: Uint8Array, width: number, height: number): CellBox {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
