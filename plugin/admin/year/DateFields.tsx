'use client'
/**
 * 公布日期 in the admin's language: 2025年1月20日 in Chinese (Payload's default shows `1月 20`,
 * without the year), `Jan 20, 2025` in English — in the edit view's date picker and the list.
 */
import { DateTimeField, useTranslation } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import React from 'react'
import { adminLang } from '../translations.ts'
import { DISPLAY_FORMATS, formatDay } from './dates.ts'

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
