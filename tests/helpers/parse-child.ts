/**
 * Parses one file as the import does (seed/import/read.ts) in a process of its own, so a test
 * can bound its time and peak memory from outside: prints `{ status, reason }` as JSON.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseSource } from '../../seed/import/read.ts'

const file = process.argv[2]!
const result = await parseSource(path.basename(file), new Uint8Array(readFileSync(file)))
if ('failure' in result) console.log(JSON.stringify({ status: result.failure.httpStatus, reason: result.failure.reason }))
else console.log(JSON.stringify({ status: 200, kind: result.parsed.source?.kind }))
