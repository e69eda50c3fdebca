import { withPayload } from '@payloadcms/next/withPayload'

/** The CMS host app. Its own tsconfig keeps Next from type-checking tests, benchmarks and scripts. */
const nextConfig = {
  typescript: { tsconfigPath: './tsconfig.app.json' },
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // the importer's PDF reader loads pdfjs's worker file next to pdfjs itself: keep it a Node package
  serverExternalPackages: ['pdfjs-dist'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
