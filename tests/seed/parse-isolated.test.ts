/**
 * Issue 12, item 2: an upload is parsed in a worker thread that can be stopped
 * (seed/parse-isolated.ts). The reading is the same as in this thread; refusals keep their
 * status; a reading past its time is stopped with a 413 in both languages and the next file
 * is read by a fresh worker; and this thread stays free meanwhile (a server answers requests).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/parse.ts'
import { parseIsolated } from '../../seed/parse-isolated.ts'
import { ParseRefusal } from '../../seed/refusal.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const corpus = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'corpus/real', name)))

// inside every limit, slow to read: one table row 59,000 times (about 4 s in one thread)
const SLOW = new TextEncoder().encode('某某县人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n' + '| 规章 | 1 | 2 | 3 |\n'.repeat(59_000))

async function refusalOf(promise: Promise<unknown>): Promise<ParseRefusal & { status?: number }> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ParseRefusal)
    return error as ParseRefusal & { status?: number }
  }
  throw new Error('expected a refusal')
}

/** The longest the event loop of this thread went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 10)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return Math.max(longest, performance.now() - last)
}

describe('parsing in a worker thread', () => {
  it('reads a PDF and a text source exactly as this thread does', async () => {
    for (const [name, bytes] of [
      ['hongze-district-gov-2023.pdf', corpus('hongze-district-gov-2023.pdf')],
      ['pingtan-zone-gov-2021.pdf-text.txt', corpus('pingtan-zone-gov-2021.pdf-text.txt')],
    ] as const) {
      const isolated = await parseIsolated(bytes, { filename: name })
      const here = await parseReport(bytes, { filename: name })
      expect(isolated.report).toEqual(here.report)
      expect(isolated.ambiguities).toEqual(here.ambiguities)
      expect(isolated.sources).toEqual(here.sources)
      expect(isolated.report.requests).toBeDefined()
    }
  }, 60_000)

  it('keeps a refusal’s reason and status', async () => {
    const notReport = await refusalOf(parseIsolated(new TextEncoder().encode('这不是一份年度报告。'), { filename: 'note.txt' }))
    expect(notReport.reason.zh).toContain('不是政府信息公开工作年度报告')
    expect(notReport.status ?? 400).toBe(400)
    const tooLong = await refusalOf(parseIsolated(new TextEncoder().encode('一\n'.repeat(70_000)), { filename: 'long.txt' }))
    expect(tooLong.status).toBe(413)
    expect(tooLong.reason.en).toContain('lines')
  }, 60_000)

  it('stops a reading past its time with a 413 in both languages; the next file is read by a fresh worker', async () => {
    const started = performance.now()
    const stopped = await refusalOf(parseIsolated(SLOW, { filename: 'slow.txt', timeoutMs: 300 }))
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(stopped.status).toBe(413)
    expect(stopped.reason.zh).toMatch(/读取被中止/)
    expect(stopped.reason.en).toMatch(/stopped/)
    const next = await parseIsolated(corpus('pingtan-zone-gov-2021.pdf-text.txt'), { filename: 'pingtan-zone-gov-2021.pdf-text.txt' })
    expect(next.report.year).toBe(2021)
  }, 60_000)

  it('leaves this thread free while it reads (in this thread the same file stalls it for seconds)', async () => {
    await parseIsolated(corpus('pingtan-zone-gov-2021.pdf-text.txt'), { filename: 'warm.txt' }) // the worker started
    const isolated = await longestStall(() => parseIsolated(SLOW, { filename: 'slow.txt' }))
    const here = await longestStall(() => parseReport(SLOW, { filename: 'slow.txt' }))
    console.log(`[parse-isolated] longest stall of this thread: ${Math.round(isolated)} ms in a worker, ${Math.round(here)} ms in this thread`)
    expect(here).toBeGreaterThan(1_000)
    expect(isolated).toBeLessThan(500)
  }, 90_000)
})
