/**
 * The parser in a worker thread, for a server: an upload is read off the main thread, so the
 * server answers other requests meanwhile, and a reading that runs past its time or memory is
 * stopped (the worker terminated) and refused with 413 in both languages. The limits of
 * seed/limits.ts refuse most costly files at once; this bounds whatever they let through.
 *
 * One worker is kept while uploads come (a fresh one costs the parser's start-up, about a
 * second) and is let go when idle. Where the worker file is not on disk beside this module (a
 * bundler moved the code), the file is parsed in this thread as before and this is logged once.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { parseReport } from './parse.ts'
import { ParseRefusal } from './refusal.ts'
import type { Label } from '@xxgk/schema'
import type { ParseOptions, ParseResult } from './types.ts'

export const ISOLATION = {
  /** Wall time one file may take to read. */
  timeoutMs: 60_000,
  /** Heap of the worker (V8 old generation). */
  maxMemoryMb: 1536,
  /** An idle worker is let go after this long. */
  idleMs: 30_000,
}

/** A refusal with its HTTP status (413 for a reading stopped at its bounds). */
class IsolatedRefusal extends ParseRefusal {
  readonly status: number
  constructor(reason: Label, status: number) {
    super(reason)
    this.status = status
  }
}

type Answer = { id: number; result?: ParseResult; refusal?: { reason: Label; status: number }; fault?: string }

interface WorkerFile {
  /** The worker's module, or code that loads it (eval). */
  entry: URL | string
  eval: boolean
}

let located: WorkerFile | null | undefined

/** The worker module beside this one: compiled JS in a package, TypeScript (through tsx) in this repository. */
function workerFile(): WorkerFile | null {
  if (located !== undefined) return located
  located = null
  let here: URL
  try {
    here = new URL(import.meta.url)
  } catch {
    return null
  }
  if (here.protocol !== 'file:') return null
  const typescript = here.pathname.endsWith('.ts')
  const url = new URL(typescript ? './parse-worker.ts' : './parse-worker.js', here)
  if (!existsSync(fileURLToPath(url))) return null
  if (!typescript) return (located = { entry: url, eval: false })
  // Node 20 applies no --import loader to a worker's entry module: the entry registers tsx
  // (its ESM API) and then imports the TypeScript worker
  try {
    const tsxDir = path.dirname(createRequire(fileURLToPath(here)).resolve('tsx/package.json'))
    const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href
    const code = `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(url.href)}) })()`
    located = { entry: code, eval: true }
  } catch {
    located = null
  }
  return located
}

let worker: Worker | null = null
let idle: NodeJS.Timeout | null = null
let nextId = 1
let busy = false
const waiting: (() => void)[] = []
let warned = false

function startWorker(file: WorkerFile): Worker {
  const started = new Worker(file.entry, {
    eval: file.eval,
    resourceLimits: { maxOldGenerationSizeMb: ISOLATION.maxMemoryMb },
    stdout: false,
    stderr: false,
  })
  started.unref()
  started.on('exit', () => {
    if (worker === started) worker = null
  })
  return started
}

const stopped = (zh: string, en: string) => new IsolatedRefusal({ zh: `文件读取被中止：${zh}`, en: `reading the file was stopped: ${en}` }, 413)

/** One file through the worker: its answer, or a refusal when it ran past its bounds. */
function runInWorker(file: WorkerFile, bytes: Uint8Array, options: ParseOptions, timeoutMs: number): Promise<ParseResult> {
  if (!worker) worker = startWorker(file)
  const current = worker
  const id = nextId++
  return new Promise<ParseResult>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer)
      current.off('message', onMessage)
      current.off('error', onError)
      current.off('exit', onExit)
    }
    const onMessage = (answer: Answer) => {
      if (answer.id !== id) return
      finish()
      if (answer.result) resolve(answer.result)
      else if (answer.refusal) reject(new IsolatedRefusal(answer.refusal.reason, answer.refusal.status))
      else reject(new Error(answer.fault ?? 'the parser failed'))
    }
    const onError = (error: Error & { code?: string }) => {
      finish()
      worker = null
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        reject(stopped(`超出内存上限 ${ISOLATION.maxMemoryMb} MB`, `it needed more than ${ISOLATION.maxMemoryMb} MB of memory`))
      else reject(error)
    }
    const onExit = () => {
      finish()
      reject(new Error('the parser worker stopped'))
    }
    const timer = setTimeout(() => {
      finish()
      worker = null
      void current.terminate()
      const seconds = Math.round(timeoutMs / 100) / 10
      reject(stopped(`超过 ${seconds} 秒`, `it took longer than ${seconds} s`))
    }, timeoutMs)
    current.on('message', onMessage)
    current.on('error', onError)
    current.on('exit', onExit)
    // a copy: the caller keeps its bytes (an import may send the file on)
    const copy = bytes.slice()
    current.postMessage({ id, bytes: copy, options }, [copy.buffer])
  })
}

/**
 * parseReport off the main thread, bounded in time (`timeoutMs`, default ISOLATION.timeoutMs)
 * and memory. Files are read one at a time; others wait their turn.
 */
export async function parseIsolated(input: Uint8Array, options: ParseOptions & { timeoutMs?: number } = {}): Promise<ParseResult> {
  const file = workerFile()
  const { timeoutMs = ISOLATION.timeoutMs, ...parseOptions } = options
  if (!file) {
    if (!warned) {
      warned = true
      process.emitWarning('xxgk: the parser worker file is not beside seed/parse-isolated; uploads are parsed on the main thread')
    }
    return parseReport(input, parseOptions)
  }
  while (busy) await new Promise<void>((resolve) => waiting.push(resolve))
  busy = true
  if (idle) clearTimeout(idle)
  try {
    return await runInWorker(file, input, parseOptions, timeoutMs)
  } finally {
    busy = false
    waiting.shift()?.()
    idle = setTimeout(() => {
      const current = worker
      worker = null
      void current?.terminate()
    }, ISOLATION.idleMs)
    idle.unref()
  }
}
