/**
 * The window of the claim photo in which the reference is actually shown. A phone screenshot shows a listing photo
 * through a window, with the app's bars, prices and buttons where the photo would continue; those are not painted
 * damage. Rows and columns are trimmed from the outside inwards while too few of their compared cells agree with
 * the reference; what is painted inside the window stays, since trimming stops at the first agreeing row.
 */

/** A row or column belongs to the window once this share of its compared cells agrees. */
const MIN_LINE_AGREEMENT = 0.5;
/** …counting only lines with at least this many compared cells. */
const MIN_LINE_CELLS = 3;

/** A rectangle of grid cells, end exclusive. */
export interface CellWindow {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Finds the window of agreement, and its extent over the lines around it that have nothing to compare (for the
 * share of the frame the reference fills).
 * @param mask 1 where cells are compared
 * @param agree 1 where a compared cell agrees with the reference
 */
export function agreementWindow(
  mask: Uint8Array,
  agree: Uint8Array,
  width: number,
  height: number,
): { window: CellWindow; extent: CellWindow } {
  const rowCells = new Int32Array(height);
  const rowAgree = new Int32Array(height);
  const colCells = new Int32Array(width);
  const colAgree = new Int32Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      rowCells[y]!++;
      colCells[x]!++;
      rowAgree[y]! += agree[i]!;
      colAgree[x]! += agree[i]!;
    }
  }
  const good = (cells: Int32Array, agreeing: Int32Array, i: number) =>
    cells[i]! >= MIN_LINE_CELLS && agreeing[i]! >= MIN_LINE_AGREEMENT * cells[i]!;
  let y0 = 0;
  let y1 = height;
  let x0 = 0;
  let x1 = width;
  while (y0 < y1 && !good(rowCells, rowAgree, y0)) y0++;
  while (y1 > y0 && !good(rowCells, rowAgree, y1 - 1)) y1--;
  while (x0 < x1 && !good(colCells, colAgree, x0)) x0++;
  while (x1 > x0 && !good(colCells, colAgree, x1 - 1)) x1--;
  // The extent: the window grown back over lines with nothing to compare (uniform background, padding).
  const empty = (cells: Int32Array, i: number) => cells[i]! < MIN_LINE_CELLS;
  let ey0 = y0;
  let ey1 = y1;
  let ex0 = x0;
  let ex1 = x1;
  while (ey0 > 0 && empty(rowCells, ey0 - 1)) ey0--;
  while (ey1 < height && empty(rowCells, ey1)) ey1++;
  while (ex0 > 0 && empty(colCells, ex0 - 1)) ex0--;
  while (ex1 < width && empty(colCells, ex1)) ex1++;
  return { window: { x0, y0, x1, y1 }, extent: { x0: ex0, y0: ey0, x1: ex1, y1: ey1 } };
}
