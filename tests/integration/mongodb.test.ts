import { describe, it } from 'vitest'
import { MONGODB_URL } from './harness.ts'
import { integrationSuite } from './suite.ts'

// No MongoDB server can be installed on the CI machine; the suite runs wherever MONGODB_URL points at one.
if (MONGODB_URL) describe('MongoDB', () => integrationSuite('mongodb'))
else {
  describe('MongoDB', () => {
    it.skip('skipped: MONGODB_URL is not set (set MONGODB_URL=mongodb://host:27017 to run the MongoDB suite)', () => {})
  })
  console.warn('[xxgk] MongoDB integration suite skipped: MONGODB_URL is not set')
}
