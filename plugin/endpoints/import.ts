/**
 * The admin's import: `POST /api/<reports>/import` (multipart/form-data, the file in `file`)
 * runs the same importer as `xxgk import` (seed/import) with the logged-in user's access. One
 * file answers 201 `{ doc, status: 'imported'|'updated', agency, issues, ambiguities, … }` or a
 * 4xx naming the reason in Chinese and English (nothing written). Several files become one
 * Payload job (task `xxgkImport`, queue `xxgk-import`), answered 202 with the job;
 * `GET /api/<reports>/import/:job` answers its state and, once done, the results.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { checkImportRole, importFile, isImportRefusal } from '../../seed/import/index.ts'
import { randomUUID } from 'node:crypto'
import { IMPORT_QUEUE, IMPORT_TASK, resultsKey } from '../jobs/importTask.ts'
import type { ImportTaskIO } from '../jobs/importTask.ts'
import { asImportUser, fromRefusal, refuse, startJob } from './import-shared.ts'

/** Largest file accepted (PDF scans of a report stay far below). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024
export const MAX_FILES = 50

interface Upload {
  name: string
  bytes: Uint8Array
}

async function readUploads(req: PayloadRequest): Promise<Upload[] | Response> {
  let form: FormData
  try {
    form = await (req as unknown as Request).formData()
  } catch {
    return refuse(400, {
      zh: '请求应为 multipart/form-data，文件放在字段 file 中',
      en: 'the request must be multipart/form-data with the file in the field `file`',
    })
  }
  const files = form.getAll('file').filter((value): value is File => typeof value !== 'string')
  if (files.length === 0) return refuse(400, { zh: '缺少文件：请在字段 file 中上传报告文件', en: 'no file: upload the report in the field `file`' })
  if (files.length > MAX_FILES) {
    return refuse(413, { zh: `一次最多导入 ${MAX_FILES} 个文件`, en: `at most ${MAX_FILES} files per import` })
  }
  const uploads: Upload[] = []
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      return refuse(
        413,
        { zh: `文件过大（${file.size} 字节，上限 ${MAX_FILE_BYTES}）`, en: `the file is too large (${file.size} bytes, limit ${MAX_FILE_BYTES})` },
        [],
        file.name,
      )
    }
    uploads.push({ name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) })
  }
  return uploads
}

export function importEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/import',
    method: 'post',
    handler: async (req) => {
      const user = asImportUser(req, slugs)
      try {
        checkImportRole(user, slugs)
      } catch (error) {
        if (isImportRefusal(error)) return fromRefusal(error)
        throw error
      }
      const uploads = await readUploads(req)
      if (uploads instanceof Response) return uploads

      if (uploads.length === 1) {
        const [upload] = uploads as [Upload]
        try {
          const result = await importFile(req.payload, { file: upload.name, bytes: upload.bytes }, { user, slugs }, { isolated: true })
          return Response.json(result, { status: 201 })
        } catch (error) {
          if (isImportRefusal(error)) return fromRefusal(error, upload.name)
          throw error
        }
      }

      // the generated types know no tasks: queue through a typed view of the same function
      const queue = req.payload.jobs.queue as unknown as (args: { task: string; queue: string; input: ImportTaskIO['input'] }) => Promise<{ id: ID }>
      const job = await queue({
        task: IMPORT_TASK,
        queue: IMPORT_QUEUE,
        input: { user: String(user!.id), batch: randomUUID(), files: uploads.map((u) => ({ name: u.name, data: Buffer.from(u.bytes).toString('base64') })) },
      })
      // the database may hand out the id of a finished (deleted) job again: its results are not this batch's
      await req.payload.kv.delete(resultsKey(job.id)).catch(() => undefined)
      startJob(req.payload, job.id)
      return Response.json(
        {
          job: { id: job.id, status: 'queued', files: uploads.map((u) => u.name) },
          results: null,
          poll: `${req.payload.config.routes.api}/${slugs.reports}/import/${String(job.id)}`,
        },
        { status: 202 },
      )
    },
  }
}
