'use client'
/**
 * The report's agency in the edit view: an editor's reports are always its own agency's (the
 * field's default and the create access see to it), so for an editor the field is shown fixed.
 */
import { RelationshipField, useAuth } from '@payloadcms/ui'
import type { RelationshipFieldClientComponent } from 'payload'
import React from 'react'

export const AgencyField: RelationshipFieldClientComponent = (props) => {
  const { user } = useAuth()
  const editor = (user as { role?: unknown } | null)?.role === 'editor'
  return <RelationshipField {...props} readOnly={Boolean(props.readOnly) || editor} />
}
