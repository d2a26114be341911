/** A run this long (in files) shows a progress line, on a terminal only. */
const MIN_FILES = 50;

/** "checked 120/900 files" on one line of standard error, redrawn; nothing when it is not a terminal. */
export class Progress {
  private shown = false;

  constructor(
    private readonly io: { err(line: string): void; errIsTerminal: boolean },
    private readonly total: number,
    private readonly write: (text: string) => void = (text) => process.stderr.write(text),
  ) {}

  tick(done: number): void {
    if (!this.io.errIsTerminal || this.total < MIN_FILES || done % 10 !== 0) return;
    this.write(`\rtalkdown: checked ${done}/${this.total} files`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.write('\r\u001b[K');
  }
}
