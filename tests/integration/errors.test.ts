/**
 * The config-level afterError hook, as `next start` needs it: in a production bundle Payload's
 * own `instanceof` check fails and class names are minified, so the 400 body would lose
 * `data.errors`. The hook recognises errors by their shape.
 */
import { describe, expect, it } from 'vitest'
import { keepErrorDetails } from '../../plugin/errors.ts'

type HookArgs = Parameters<ReturnType<typeof keepErrorDetails>>[0]
const call = (error: unknown) => keepErrorDetails('reports')({ error } as HookArgs) as { response: any; status: number } | undefined

describe('keepErrorDetails (afterError)', () => {
  it('keeps data.errors of a 400 and names it by its status, whatever the class was minified to', () => {
    const errors = [{ path: 'requests.totalHandled.natural', message: 'requests.totalHandled.natural: 报告值 5，计算值 0 / reported 5, computed 0' }]
    const result = call({ name: 'u', status: 400, message: '以下字段是无效的', data: { collection: 'reports', errors } })
    expect(result?.status).toBe(400)
    expect(result?.response.errors[0].name).toBe('ValidationError')
    expect(result?.response.errors[0].data.errors).toEqual(errors)
  })

  it("turns the database's unique-index error on (agency, year) into a message in both languages", () => {
    const result = call({
      name: 'ValidationError',
      status: 400,
      message: 'The following field is invalid: agency',
      data: { collection: 'reports', errors: [{ path: 'agency', message: 'Value must be unique', tableName: 'reports' }] },
    })
    const entry = result?.response.errors[0].data.errors[0]
    expect(entry.path).toBe('year')
    expect(entry.message).toContain('已存在')
    expect(entry.message).toContain('one report per agency and year')
  })

  it('leaves server errors and errors without details to Payload', () => {
    expect(call({ status: 500, message: 'boom', data: { errors: [] } })).toBeUndefined()
    expect(call({ status: 403, message: 'Forbidden' })).toBeUndefined()
    expect(call(new Error('plain'))).toBeUndefined()
  })
})
