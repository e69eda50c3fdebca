import type { ProgressEvent } from './run.ts'

const WIDTH = 24

/** Terminal width of a string: CJK and full-width characters take two columns. */
const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0)

/**
 * A one-line progress bar redrawn in place on a terminal stream (stderr): reading then
 * storing, with the current file. Draws nothing when the stream is not a terminal.
 */
export class ProgressBar {
  private shown = false

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get active(): boolean {
    return Boolean(this.stream.isTTY)
  }

  update(event: ProgressEvent): void {
    if (!this.active) return
    const share = event.total ? event.done / event.total : 1
    const filled = Math.round(share * WIDTH)
    const phase = event.phase === 'read' ? '读取 reading' : '写入 storing'
    const head = `${phase} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${event.done}/${event.total} `
    const room = Math.max(10, (this.stream.columns ?? 80) - columns(head) - 1)
    let name = event.file
    while (columns(name) > room) name = `…${name.slice(2)}`
    this.stream.write(`\r\u001b[2K${head}${name}`)
    this.shown = true
  }

  /** Removes the bar so a line can be printed; the next update draws it again. */
  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K')
    this.shown = false
  }
}
