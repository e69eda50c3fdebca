import { describe, expect, it } from 'vitest'
import { formatCellValue, parseCellText } from '../../plugin/admin/grid/input.ts'

const ok = (value: number | null) => ({ ok: true, value })

describe('cell input', () => {
  it('reads counts as typed or pasted from sources: full-width digits, thousands separators, 件, blank marks', () => {
    expect(parseCellText('12', 'count')).toEqual(ok(12))
    expect(parseCellText(' １２ ', 'count')).toEqual(ok(12))
    expect(parseCellText('1,203', 'count')).toEqual(ok(1203))
    expect(parseCellText('3件', 'count')).toEqual(ok(3))
    expect(parseCellText('7.0', 'count')).toEqual(ok(7))
    for (const blank of ['', ' ', '/', '-', '—', '无', '　']) expect(parseCellText(blank, 'count')).toEqual(ok(null))
  })

  it('refuses what a cell cannot hold, naming what it expects (never guessed into a number)', () => {
    for (const text of ['abc', '-3', '2.5', '1,20', '12a', '1e3', '9007199254740993']) {
      const parsed = parseCellText(text, 'count')
      expect(parsed.ok, text).toBe(false)
      if (!parsed.ok) expect(parsed.expected).toEqual({ zh: '非负整数', en: 'an integer ≥ 0' })
    }
  })

  it('2019 本年增/减 may be negative; amounts are decimals ≥ 0 in 万元', () => {
    expect(parseCellText('-5', 'signedCount')).toEqual(ok(-5))
    expect(parseCellText('－5', 'signedCount')).toEqual(ok(-5))
    expect(parseCellText('+2', 'signedCount')).toEqual(ok(2))
    expect(parseCellText('-0', 'signedCount')).toEqual(ok(0))
    expect(Object.is((parseCellText('-0', 'signedCount') as { value: number }).value, 0)).toBe(true)
    expect(parseCellText('96171.6', 'amount')).toEqual(ok(96171.6))
    expect(parseCellText('0.35', 'amount')).toEqual(ok(0.35))
    expect(parseCellText('1,234.5', 'amount')).toEqual(ok(1234.5))
    expect(parseCellText('-1', 'amount').ok).toBe(false)
    expect(parseCellText('1.5', 'signedCount').ok).toBe(false)
  })

  it('shows stored values without exponent or rounding', () => {
    expect(formatCellValue(null)).toBe('')
    expect(formatCellValue(0)).toBe('0')
    expect(formatCellValue(1e-7)).toBe('0.0000001')
    expect(formatCellValue(96171.6)).toBe('96171.6')
    expect(formatCellValue('x')).toBe('x')
  })
})
