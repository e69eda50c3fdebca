import { describe } from 'vitest'
import { hostileSuite } from './hostile.ts'

// PostgreSQL at POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
describe('hostile input (PostgreSQL)', () => hostileSuite('postgres'))
