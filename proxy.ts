import { NextResponse } from 'next/server'
import type { NextRequest } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'
const ONE_YEAR_S = 365 * 24 * 3600

/**
 * Chinese is the admin's default language. Payload would otherwise follow the browser's
 * Accept-Language; here a visitor who has not chosen a language (Account → Language, which
 * sets this cookie) gets Chinese, and English stays one click away.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, 'zh')
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, 'zh', { path: '/', sameSite: 'lax', maxAge: ONE_YEAR_S })
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
