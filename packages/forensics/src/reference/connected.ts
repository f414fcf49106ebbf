/** 8-connected component labelling of a grid mask, shared by the region finder and the sub-cell shapes. */

/**
 * Labels the 8-connected components of `mask`: `label[i]` is the component of cell `i` (−1 outside the mask),
 * numbered in the raster order of each component's first cell.
 */
export function labelComponents(mask: Uint8Array, width: number, height: number): { label: Int32Array; count: number } {
  const label = new Int32Array(mask.length).fill(-1);
  let count = 0;
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]! >= 0) continue;
    label[start] = count;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          const j = yy * width + xx;
          if (mask[j] && label[j]! < 0) {
            label[j] = count;
            stack.push(j);
          }
        }
      }
    }
    count++;
  }
  return { label, count };
}
