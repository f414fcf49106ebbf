/** A one-line progress bar on an interactive stream; silent on anything else (CI logs, pipes). */
export class ProgressBar {
  private lastDraw = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
    private readonly width = 28,
  ) {}

  /** Redraws (at most every 50 ms, always on the last item). */
  update(done: number, total: number, label: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const filled = Math.round((done / total) * this.width);
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${done}/${total} ${name}\x1b[K`);
  }

  /** Clears the bar's line. */
  finish(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
