import type { Label } from '@xxgk/schema'

/** A {zh, en} label as Payload's label type (a record of language → text). */
export const staticLabel = (label: Label): Record<string, string> => ({ zh: label.zh, en: label.en })
