import { getPayload } from 'payload'
import config from '../../../payload.config.ts'
import { disclosureIndex, htmlResponse } from '../../../cms/public.ts'

export const dynamic = 'force-dynamic'

export async function GET() {
  return htmlResponse(await disclosureIndex(await getPayload({ config })))
}
