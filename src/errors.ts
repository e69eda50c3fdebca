import type { Label } from './labels.ts'

/** The input is not a report at all (not an object, or no known edition): nothing to validate. */
export class NotAReportError extends Error {
  readonly reason: Label
  /** Where in the input the problem is, e.g. `edition` or `previous.edition`. */
  readonly path: string

  constructor(reason: Label, path = '') {
    super(`${path ? `${path}: ` : ''}${reason.zh} / ${reason.en}`)
    this.name = 'NotAReportError'
    this.reason = reason
    this.path = path
  }
}
