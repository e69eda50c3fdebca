import { describe } from 'vitest'
import { reviewPublicSuite } from './review-public.ts'

describe('review and public access, SQLite', () => reviewPublicSuite('sqlite'))
