'use client'
/**
 * 公布日期 in the admin's language: 2025年1月20日 in Chinese (Payload's default shows `1月 20`,
 * without the year), `Jan 20, 2025` in English — in the edit view's date picker and the list.
 */
import { DateTimeField, useTranslation } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import React from 'react'
import { adminLang } from '../translations.ts'

export const DISPLAY_FORMATS = { zh: 'yyyy年M月d日', en: 'MMM d, yyyy' } as const

/** A date as the Chinese calendar day it falls on: 2025年1月20日 / Jan 20, 2025. */
export function formatDay(value: unknown, lang: 'zh' | 'en'): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return date.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    year: 'numeric',
    month: lang === 'zh' ? 'numeric' : 'short',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  })
}

export const PublishedAtField: DateFieldClientComponent = (props) => {
  const { i18n } = useTranslation()
  const lang = adminLang(i18n?.language)
  const admin = props.field.admin
  const field = {
    ...props.field,
    admin: { ...admin, date: { ...(admin?.date as object | undefined), displayFormat: DISPLAY_FORMATS[lang] } },
  } as typeof props.field
  return <DateTimeField {...props} field={field} />
}

export function PublishedAtCell({ cellData }: { cellData?: unknown }) {
  const { i18n } = useTranslation()
  return <span data-xxgk-date="">{formatDay(cellData, adminLang(i18n?.language))}</span>
}
