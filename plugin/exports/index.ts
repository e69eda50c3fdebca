/** The plugin and its building blocks (`import { xxgkPlugin } from 'xxgk'`). */
export * from '../index.ts'
