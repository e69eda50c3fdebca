import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

// The repository root: the host app imports the plugin by its package name, resolved to the
// sources there by the root tsconfig's `paths` (a consumer gets the compiled package instead).
const root = path.resolve(import.meta.dirname, '..')

/** The CMS host app, configured as any Payload app: nothing here is specific to the plugin. */
const nextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
