#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so the repository needs no build step.
import { register } from 'tsx/esm/api'

register()
// `xxgk … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
const { main } = await import('../cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
