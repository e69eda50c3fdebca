'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect } from 'react'

/**
 * Makes the plugin's default language the admin's first language. Payload otherwise follows the
 * browser's Accept-Language; here a visitor who never chose a language (Account → Language sets
 * Payload's `<prefix>-lng` cookie) is switched once, through Payload's own language switch, and
 * from then on keeps whatever they choose.
 */
export const DefaultLanguage: React.FC<{ children?: React.ReactNode; language?: string }> = ({ children, language = 'zh' }) => {
  const { i18n, switchLanguage } = useTranslation()
  const { config } = useConfig()
  const cookie = `${config.cookiePrefix || 'payload'}-lng=`
  useEffect(() => {
    // once per browser: Payload's language cookie may be httpOnly (invisible here), so a later
    // choice of English is kept by never switching again, not by reading the cookie
    const applied = 'xxgk-default-language-applied'
    if (window.localStorage.getItem(applied)) return
    window.localStorage.setItem(applied, language)
    const chosen = document.cookie.split(';').some((part) => part.trim().startsWith(cookie))
    if (!chosen && i18n.language !== language && switchLanguage) void switchLanguage(language as Parameters<typeof switchLanguage>[0])
  }, [cookie, i18n.language, language, switchLanguage])
  return children
}
