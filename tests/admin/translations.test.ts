import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { adminLang, mergeTranslations, translate, xxgkTranslations } from '../../plugin/admin/translations.ts'

const ADMIN_DIR = join(import.meta.dirname, '../../plugin/admin')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) && name !== 'translations.ts' ? [readFileSync(path, 'utf8')] : []
  })
}

const zh = xxgkTranslations.zh.xxgk
const en = xxgkTranslations.en.xxgk
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('plugin translations', () => {
  it('Chinese and English have the same keys, none empty, the same placeholders; Chinese is Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]))
      expect(/[\u4e00-\u9fff]/.test(zh[key]), key).toBe(true)
    }
  })

  // that every key a component passes to t() exists is checked by the type checker (XxgkTranslationKey)
  it('every key is used by a component', () => {
    const code = sources(ADMIN_DIR).join('\n')
    // a `_one` form is used through its base key
    const unused = Object.keys(zh).filter((key) => !code.includes(`'${key.replace(/_one$/, '')}'`))
    expect(unused).toEqual([])
  })

  it('fills placeholders and picks the language (Chinese unless English)', () => {
    expect(translate('zh', 'validationSummary', { errors: 2, warnings: 1 })).toBe('2 个错误，1 个提示')
    expect(translate('en', 'validationSummary', { errors: 2, warnings: 1 })).toBe('Errors: 2, warnings: 1')
    // the singular where English has one; Chinese has none
    expect(translate('en', 'warningsCell', { count: 1 })).toBe('1 warning')
    expect(translate('en', 'warningsCell', { count: 2 })).toBe('2 warnings')
    expect(translate('en', 'errorsCell', { count: 1 })).toBe('1 error')
    expect(translate('zh', 'errorsCell', { count: 1 })).toBe('1 个错误')
    expect(adminLang('zh')).toBe('zh')
    expect(adminLang('en')).toBe('en')
    expect(adminLang('en-GB')).toBe('en')
    expect(adminLang('fr')).toBe('zh')
    expect(adminLang(undefined)).toBe('zh')
  })

  it('merges into a host’s translations, the host’s own texts winning', () => {
    const merged = mergeTranslations(xxgkTranslations, { zh: { xxgk: { exportTitle: '下载' }, general: { save: '存' } } }) as any
    expect(merged.zh.xxgk.exportTitle).toBe('下载')
    expect(merged.zh.xxgk.importTitle).toBe(zh.importTitle)
    expect(merged.zh.general.save).toBe('存')
    expect(merged.en.xxgk.exportTitle).toBe('Export')
  })
})
