import type { Bilingual } from '@proofdesk/domain';
import type { FigureImage } from './package-figures.js';
import type { PackageLang } from './package-text.js';

const INK = '#1f2329';
const MUTED = '#4e5969';
const RULE = '#c9cdd4';
const ACCENT = '#165dff';

/** A table column: its header and share of the content width. */
export interface Column {
  readonly header: string;
  readonly width: number;
}

/**
 * The few layout moves the evidence package uses, over one pdfkit document in one language: headings, key-value
 * tables, paragraphs, rows of pictures with captions, simple tables, and page footers. Every move first makes room
 * (a new page when the block would not fit), so nothing is cut at a page break.
 */
export class PdfWriter {
  private readonly left: number;
  private readonly width: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly lang: PackageLang,
  ) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  title(text: string, subtitle: string): void {
    this.doc.font('bold').fontSize(22).fillColor(INK).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(11).fillColor(MUTED).text(subtitle, { width: this.width });
    this.rule();
  }

  heading(text: string): void {
    this.ensure(60);
    this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(15).fillColor(ACCENT).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  subheading(text: string, size = 12): void {
    this.ensure(40);
    this.doc.moveDown(0.4);
    this.doc.font('bold').fontSize(size).fillColor(INK).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string, size = 10): void {
    this.doc.font('regular').fontSize(size);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 4);
    this.doc.fillColor(INK).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** Small grey text: notes, disclaimers. */
  note(text: string): void {
    this.doc.font('regular').fontSize(8.5);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 6);
    this.doc.fillColor(MUTED).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
  }

  /** Label / value rows; a null value reads "not recorded". */
  kv(rows: readonly (readonly [Bilingual, string | null])[], labelWidth = 110): void {
    const valueX = this.left + labelWidth + 8;
    const valueWidth = this.width - labelWidth - 8;
    for (const [label, value] of rows) {
      const text = value ?? `(${UNKNOWN[this.lang]})`;
      this.doc.font('regular').fontSize(9.5);
      const h = Math.max(
        this.doc.heightOfString(label[this.lang], { width: labelWidth }),
        this.doc.heightOfString(text, { width: valueWidth }),
      );
      this.ensure(h + 3);
      const y = this.doc.y;
      this.doc.fillColor(MUTED).text(label[this.lang], this.left, y, { width: labelWidth });
      this.doc.fillColor(INK).text(text, valueX, y, { width: valueWidth });
      this.doc.y = y + h + 3;
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.2);
  }

  /** A finding: title, code line, detail, and what it does not mean. */
  finding(title: string, code: string, detail: string, doesNotMean: string): void {
    this.doc.font('bold').fontSize(10.5);
    const head = this.doc.heightOfString(title, { width: this.width });
    this.doc.font('regular').fontSize(9.5);
    this.ensure(head + 14 + Math.min(120, this.doc.heightOfString(detail, { width: this.width })));
    this.doc.moveDown(0.3);
    this.doc.font('bold').fontSize(10.5).fillColor(INK).text(title, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(8).fillColor(MUTED).text(code, { width: this.width });
    this.doc.fontSize(9.5).fillColor(INK).text(detail, { width: this.width });
    this.doc.fontSize(8.5).fillColor(MUTED).text(doesNotMean, { width: this.width });
    this.doc.moveDown(0.2);
  }

  /** Pictures side by side, each scaled to fit its share of the width and `maxHeight`, captioned below. */
  images(images: readonly FigureImage[], maxHeight: number): void {
    const gap = 10;
    const slot = (this.width - gap * (images.length - 1)) / images.length;
    const sizes = images.map(({ picture }) => {
      const scale = Math.min(slot / picture.width, maxHeight / picture.height, 1.5);
      return { w: picture.width * scale, h: picture.height * scale };
    });
    const rowHeight = Math.max(...sizes.map((s) => s.h));
    this.doc.font('regular').fontSize(8);
    const captionHeight = Math.max(
      ...images.map((image) => this.doc.heightOfString(image.caption[this.lang], { width: slot })),
    );
    this.ensure(rowHeight + captionHeight + 10);
    const y = this.doc.y + 4;
    images.forEach((image, i) => {
      const x = this.left + i * (slot + gap);
      const { w, h } = sizes[i]!;
      this.doc.image(image.picture.bytes, x, y, { width: w, height: h });
      this.doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke();
      this.doc.fillColor(MUTED).text(image.caption[this.lang], x, y + h + 2, { width: slot });
    });
    this.doc.x = this.left;
    this.doc.y = y + rowHeight + captionHeight + 6;
  }

  /** A table with a header row; cells wrap, rows never split across pages. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 7.5): void {
    const widths = columns.map((c) => c.width * this.width);
    const draw = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
      const h = Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 4 })));
      this.ensure(h + 4);
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        this.doc.fillColor(bold ? MUTED : INK).text(cell, x + 2, y + 1, { width: widths[i]! - 4 });
        x += widths[i]!;
      });
      this.doc.y = y + h + 3;
      this.doc
        .moveTo(this.left, this.doc.y)
        .lineTo(this.left + this.width, this.doc.y)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
      this.doc.y += 1;
    };
    draw(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) draw(row, false);
    this.doc.x = this.left;
    this.doc.moveDown(0.4);
  }

  rule(): void {
    const y = this.doc.y + 4;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 8;
  }

  /** Writes `text` and "page n / total" at the foot of every page (call once, last). */
  footers(text: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 36;
      this.doc.font('regular').fontSize(7.5).fillColor(MUTED);
      this.doc.text(text, this.left, y, { width: this.width * 0.8, lineBreak: false, height: 12, ellipsis: true });
      const page = `${this.lang === 'zh' ? `第 ${i + 1} / ${range.count} 页` : `Page ${i + 1} / ${range.count}`}`;
      this.doc.text(page, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
  }
}

const UNKNOWN: Bilingual = { zh: '未记录', en: 'not recorded' };
