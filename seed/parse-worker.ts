/**
 * The parser in a worker thread (seed/parse-isolated.ts starts it): one message in, one answer
 * out, for as long as the worker lives. A refusal travels as its reason and status; any other
 * fault as its message.
 */
import { parentPort } from 'node:worker_threads'
import { parseReport } from './parse.ts'
import { ParseRefusal } from './refusal.ts'
import type { ParseOptions } from './types.ts'

export interface ParseRequest {
  id: number
  bytes: Uint8Array
  options: ParseOptions
}

const port = parentPort
if (port) {
  port.on('message', (message: ParseRequest) => {
    parseReport(message.bytes, message.options).then(
      (result) => port.postMessage({ id: message.id, result }),
      (error: unknown) => {
        if (error instanceof ParseRefusal) {
          const status = (error as { status?: unknown }).status
          port.postMessage({ id: message.id, refusal: { reason: error.reason, status: typeof status === 'number' ? status : 400 } })
        } else port.postMessage({ id: message.id, fault: error instanceof Error ? error.message : String(error) })
      },
    )
  })
}
