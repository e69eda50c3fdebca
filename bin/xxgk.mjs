#!/usr/bin/env node
// The `xxgk` command. The installed package runs its compiled JavaScript (dist/); inside this
// repository, where the TypeScript sources sit beside this file, tsx runs those instead, so the
// command needs no build step while the code is being worked on.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const source = fileURLToPath(new URL('../cli/index.ts', import.meta.url))

// `xxgk … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

let main
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  // the repository's tsconfig maps the package names (`@xxgk/schema`) to their sources, whatever the working folder
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
  ;({ main } = await import(source))
} else {
  ;({ main } = await import('../dist/cli/index.js'))
}
process.exitCode = await main(process.argv.slice(2))
