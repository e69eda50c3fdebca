'use client'
/**
 * The Field component of a statistical table group (`proactive`, `requests`,
 * `reviewLitigation`): the grid editor bound to Payload's form. Registered by the plugin with
 * `clientProps: { table }`.
 */
import { useAllFormFields, useForm } from '@payloadcms/ui'
import type { FormState } from 'payload'
import React, { useCallback, useMemo } from 'react'
import { getEdition, getTable, isEditionId } from '@xxgk/schema'
import type { TableKey } from '@xxgk/schema'
import { ambiguitiesByCell, chooseCandidate, confirmAmbiguity } from './grid/ambiguities.ts'
import { gridModel } from './grid/model.ts'
import { TableGrid } from './grid/TableGrid.tsx'
import type { CellWrite } from './grid/TableGrid.tsx'
import { COMPUTED_FIELD, DEFAULT_ADMIN_SLUGS, useLiveReport, useXxgkT } from './hooks.ts'
import type { AdminSlugs } from './hooks.ts'

export interface TableGridFieldProps {
  table: TableKey
  slugs?: AdminSlugs
  readOnly?: boolean
  path?: string
  field?: { admin?: { readOnly?: boolean } }
}

const AMBIGUITIES = 'ambiguities'

export function TableGridField(props: TableGridFieldProps) {
  const { table } = props
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const [fields, dispatchFields] = useAllFormFields()
  const { setModified } = useForm()
  const live = useLiveReport(slugs)
  const { t, lang } = useXxgkT()
  const editionValue = fields?.edition?.value
  const edition = isEditionId(editionValue) ? editionValue : null
  const ambiguityList = fields?.[AMBIGUITIES]?.value
  const ambiguities = useMemo(() => (edition ? ambiguitiesByCell(ambiguityList, edition) : new Map()), [ambiguityList, edition])
  const sourcesValue = fields?.sources?.value
  const sources = sourcesValue && typeof sourcesValue === 'object' && !Array.isArray(sourcesValue) ? (sourcesValue as Record<string, unknown>) : undefined
  const readOnly = Boolean(props.readOnly || props.field?.admin?.readOnly)

  const onWrite = useCallback(
    (writes: CellWrite[]) => {
      // a value typed (or pasted) into a computed cell is the editor's own from now on
      if (writes.some((w) => live.computed.has(w.path))) {
        const typed = new Set(writes.map((w) => w.path))
        dispatchFields({ type: 'UPDATE', path: COMPUTED_FIELD, value: [...live.computed].filter((p) => !typed.has(p)) })
      }
      if (writes.length === 1) {
        const [w] = writes
        dispatchFields({ type: 'UPDATE', path: w!.path, value: w!.value, valid: true, errorMessage: undefined })
      } else {
        const formState: FormState = {}
        for (const w of writes) {
          formState[w.path] = { ...fields?.[w.path], value: w.value, valid: true, errorMessage: undefined }
        }
        dispatchFields({ type: 'UPDATE_MANY', formState })
      }
      setModified(true)
    },
    [dispatchFields, fields, live.computed, setModified],
  )

  const setAmbiguities = useCallback(
    (list: unknown[]) => {
      dispatchFields({ type: 'UPDATE', path: AMBIGUITIES, value: list })
      setModified(true)
    },
    [dispatchFields, setModified],
  )

  const onConfirm = useCallback((index: number) => setAmbiguities(confirmAmbiguity(ambiguityList, index)), [ambiguityList, setAmbiguities])
  const onChoose = useCallback(
    (index: number, candidate: unknown, writes: CellWrite[]) => {
      onWrite(writes)
      setAmbiguities(chooseCandidate(ambiguityList, index, candidate))
    },
    [ambiguityList, onWrite, setAmbiguities],
  )

  if (!edition) {
    return <p className="xxgk-grid__hint">{t('reportNotReady')}</p>
  }
  const editionDef = getEdition(edition)
  const tableDef = getTable(editionDef, table)
  return (
    <div className="field-type xxgk-table-field" data-xxgk-table-field={table}>
      <h3 className="xxgk-grid__title">{tableDef.label[lang]}</h3>
      <p className="xxgk-grid__note">{t('gridEdition', { edition: editionDef.label[lang], source: editionDef.source })}</p>
      <TableGrid
        model={gridModel(edition, table)}
        lang={lang}
        t={t}
        value={live.value}
        check={live.check}
        ambiguities={ambiguities}
        sources={sources}
        readOnly={readOnly}
        onWrite={onWrite}
        onConfirmAmbiguity={onConfirm}
        onChooseCandidate={onChoose}
      />
    </div>
  )
}
