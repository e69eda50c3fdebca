import { getPayload } from 'payload'
import config from '../../../../payload.config.ts'
import { agencyIndex, htmlResponse } from '../../../../cms/public.ts'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ agency: string }> }) {
  const { agency } = await params
  return htmlResponse(await agencyIndex(await getPayload({ config }), agency))
}
