import { getPayload } from 'payload'
import config from '../../../../../payload.config.ts'
import { htmlResponse, reportPage } from '../../../../../cms/public.ts'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ agency: string; year: string }> }) {
  const { agency, year } = await params
  return htmlResponse(await reportPage(await getPayload({ config }), agency, year))
}
