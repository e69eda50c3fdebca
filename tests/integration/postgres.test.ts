import { describe } from 'vitest'
import { integrationSuite } from './suite.ts'

// PostgreSQL at POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test); .ci/run starts it.
describe('PostgreSQL', () => integrationSuite('postgres'))
