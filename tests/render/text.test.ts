import { describe, expect, it } from 'vitest'
import { editionIndex, getEdition } from '../../src/index.ts'
import type { Report } from '../../src/index.ts'
import { renderReportText } from '../../src/render/text.ts'
import { expectedFile, expectedFiles } from '../helpers/corpus.ts'

/** Terminal columns of a string: CJK and fullwidth characters take two (a copy independent of src). */
const width = (text: string) =>
  [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0)

/** The display column where each occurrence of `label` in `line` ends. */
function endColumn(line: string, label: string, from = 0): number {
  const at = line.indexOf(label, from)
  return at < 0 ? -1 : width(line.slice(0, at + label.length))
}

/** The text in display columns (end − w, end] of a line. */
function sliceColumns(line: string, end: number, w: number): string {
  let column = 0
  let out = ''
  for (const ch of line) {
    const next = column + width(ch)
    if (next > end - w && next <= end) out += ch
    column = next
  }
  return out
}

describe.each(expectedFiles().map((f) => [f.name, f] as const))('plain text of %s', (_name, file) => {
  const report = file.report as Report
  const text = renderReportText(report)
  const lines = text.split('\n')

  it('prints the title and the six sections in order', () => {
    expect(lines[0]).toBe(report.title)
    const headings = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].map((h) => lines.indexOf(h))
    expect(headings.every((i) => i > 0)).toBe(true)
    expect([...headings].sort((a, b) => a - b)).toEqual(headings)
  })

  it('puts every figure on its row, right-aligned under its column label', () => {
    const cells = editionIndex(report.edition).cells
    for (const cell of cells) {
      const value = cell.keys.reduce<any>((node, k) => node?.[k], report)
      const row = cell.row.label.zh
      // The row's line starts with its label (long labels wrap; the first piece carries the values).
      const index = lines.findIndex((l) => {
        const t = l.trimStart()
        return t.length > 0 && row.startsWith(t.replace(/\s{2,}.*$/, '')) && t.replace(/\s{2,}.*$/, '').length >= Math.min(6, row.length)
      })
      expect(index, cell.path).toBeGreaterThan(0)
      // The nearest header line above: the stub header (申请人情况, 信息内容) or table 4's column labels.
      const isHeader = { requests: /^申请人情况/, proactive: /^信息内容/, reviewLitigation: /^\s+结果维持/ }[cell.table]
      let header = index - 1
      while (header >= 0 && !isHeader.test(lines[header]!)) header--
      expect(header, cell.path).toBeGreaterThanOrEqual(0)
      const end = endColumn(lines[header]!, cell.column.label.zh)
      const shown = value === null ? '' : String(value)
      const slot = sliceColumns(lines[index]!, end, Math.max(width(cell.column.label.zh), shown.length))
      expect(slot.trim(), cell.path).toBe(shown)
    }
  })
})

describe('plain text details', () => {
  const base = expectedFile('pingtan-zone-gov-2019.format2019').report as Report

  it('prints narrative paragraphs as they are (no escaping needed in text), indented', () => {
    const text = renderReportText({ ...base, text: { overview: '第一段<script>\n\n第二段', problems: null, other: '无。' } })
    expect(text).toContain('一、总体情况\n\n\u3000\u3000第一段<script>\n\u3000\u3000第二段\n')
    expect(text).toContain('六、其他需要报告的事项\n\n\u3000\u3000无。\n')
  })

  it('shows the edition, the 勾稽关系 note, the group labels and the 2019 amount exactly', () => {
    const text = renderReportText(base)
    expect(text).toContain(`格式版本：${getEdition('2019').label.zh}（国办公开办函〔2019〕60号）`)
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
    expect(text).toMatch(/\n三、本年度办理结果\n {2}（一）予以公开 +7 /)
    expect(text).toMatch(/\n {2}（三）不予公开\n {4}1\.属于国家秘密 /)
    expect(text).toMatch(/政府集中采购 +135 +7539\.443252\n/)
    expect(text).toMatch(/\n行政诉讼\n {2}未经复议直接起诉 /)
  })

  it('leaves a blank cell blank', () => {
    const report = structuredClone(base) as any
    report.requests.granted.natural = null
    const line = renderReportText(report)
      .split('\n')
      .find((l) => l.includes('（一）予以公开'))!
    expect(line.replace(/\s+/g, ' ').trim()).toBe('（一）予以公开 0 0 0 0 0 7')
  })
})
