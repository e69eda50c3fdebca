import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import config from '../../../../payload.config.ts'

export const GET = GRAPHQL_PLAYGROUND_GET(config)
