import { describe } from 'vitest'
import { reviewPublicSuite } from './review-public.ts'

// PostgreSQL at POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
describe('review and public access, PostgreSQL', () => reviewPublicSuite('postgres'))
