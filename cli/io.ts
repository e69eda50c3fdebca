import { readFileSync } from 'node:fs'

/** A problem that ends the command with exit status 2: the input could not be used at all. */
export class UnusableInputError extends Error {
  constructor(
    readonly file: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${file}: ${zh} / ${en}`)
  }
}

export function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UnusableInputError(file, `无法读取文件（${code}）`, `cannot read the file (${code})`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = (error as Error).message
    throw new UnusableInputError(file, `不是有效的 JSON（${reason}）`, `not valid JSON (${reason})`)
  }
}

export const isTerminal = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR

export function paint(code: number, text: string): string {
  return isTerminal() ? `\u001b[${code}m${text}\u001b[0m` : text
}
