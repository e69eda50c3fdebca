import { describe } from 'vitest'
import { hostileSuite } from './hostile.ts'

describe('hostile input (SQLite)', () => hostileSuite('sqlite'))
