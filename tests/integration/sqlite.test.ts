import { describe } from 'vitest'
import { integrationSuite } from './suite'

describe('SQLite', () => integrationSuite('sqlite'))
