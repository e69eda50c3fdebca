import type { Endpoint } from 'payload'
import { fillBlankTotals, validateReport } from '@xxgk/schema'
import type { ValidationContext } from '@xxgk/schema'
import { isNotAReport } from '../assess.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import { isObject, readJson } from './request.ts'

/** POST /validate: a dry run of saving a report (blank totals filled, `?fill=false` to skip); nothing is stored. */
export function validateEndpoint(): Endpoint {
  return {
    path: '/validate',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const body = await readJson(req)
      if (!body.ok) return body.response
      const input = body.value
      const wrapped = isObject(input) && !('edition' in input) && 'report' in input
      const report = wrapped ? input.report : input
      const previous = wrapped ? input.previous : undefined
      const context = wrapped && isObject(input.context) ? input.context : undefined
      const fill = new URL(req.url ?? 'http://x/').searchParams.get('fill') !== 'false'
      try {
        const { report: filledReport, filled } = fill ? fillBlankTotals(report) : { report, filled: [] }
        const result = validateReport(filledReport, { previous, context: context as ValidationContext | undefined })
        return Response.json({ issues: result.issues, errors: result.errors, warnings: result.warnings, filled })
      } catch (error) {
        if (!isNotAReport(error)) throw error
        const path = wrapped && !error.path.startsWith('previous') ? `report${error.path ? `.${error.path}` : ''}` : error.path
        return errorResponse(400, [{ path, message: error.reason }])
      }
    },
  }
}
