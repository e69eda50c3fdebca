import { describe } from 'vitest'
import { integrationSuite } from './suite.ts'

describe('SQLite', () => integrationSuite('sqlite'))
