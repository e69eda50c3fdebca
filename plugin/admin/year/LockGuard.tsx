'use client'
/**
 * Payload's document-lock modal, for this plugin's users: a read-only user (a supervisor) gets no
 * 接管 / Take over (the server refuses it anyway, plugin/locks.ts), and in Chinese the modal names
 * no bare user id and shows its date as 2025年1月20日 14:05. A provider: it renders its children.
 */
import { useAuth, useTranslation } from '@payloadcms/ui'
import React, { useEffect } from 'react'
import { adminLang } from '../translations.ts'
import { chineseDateTime } from './dates.ts'

const HIDE_TAKE_OVER = '#document-locked-take-over, #take-over { display: none !important; }'

function localise(root: ParentNode, anotherUser: string) {
  for (const strong of root.querySelectorAll<HTMLElement>('.document-locked__content strong')) {
    if (strong.dataset.xxgkLocalised) continue
    const text = strong.textContent ?? ''
    const date = chineseDateTime(text)
    if (date) strong.textContent = date
    // no email to show (the user is not readable): "用户: 12" becomes "另一位用户"
    else if (/^[^@]*[:：]\s*\S+$/.test(text) && !text.includes('@')) strong.textContent = anotherUser
    strong.dataset.xxgkLocalised = '1'
  }
}

export function LockGuard({ children }: { children?: React.ReactNode }) {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const lang = adminLang(i18n?.language)
  const role = (user as { role?: string } | null)?.role
  const readOnly = !!user && role !== undefined && role !== 'admin' && role !== 'editor'
  useEffect(() => {
    if (lang !== 'zh' || typeof MutationObserver === 'undefined') return
    const observer = new MutationObserver(() => localise(document, '另一位用户'))
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [lang])
  return (
    <>
      {readOnly && <style data-xxgk-lock-guard="">{HIDE_TAKE_OVER}</style>}
      {children}
    </>
  )
}
