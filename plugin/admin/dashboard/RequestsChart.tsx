'use client'
/** Requests by outcome across years: a stacked bar per year and a line of requests received (recharts), from the stats endpoint's sums. */
import React from 'react'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { AdminLang } from '../translations.ts'
import { outcomeSeries, shortLabel } from './model.ts'

/** One colour per outcome group, readable on light and dark themes. */
const COLOURS = ['#2f855a', '#68d391', '#c53030', '#dd6b20', '#805ad5', '#718096']

export function RequestsChart(props: { data: Record<string, number>[]; lang: AdminLang; receivedLabel: string; height?: number }) {
  const { data, lang, receivedLabel, height = 320 } = props
  const series = outcomeSeries()
  const order = ['received', ...series.map((s) => s.key)]
  return (
    <div data-xxgk-chart="" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150)" />
          <XAxis dataKey="year" stroke="var(--theme-elevation-600)" />
          <YAxis allowDecimals={false} stroke="var(--theme-elevation-600)" />
          <Tooltip contentStyle={{ background: 'var(--theme-elevation-0)', borderColor: 'var(--theme-elevation-200)' }} />
          <Legend itemSorter={(item) => order.indexOf(String(item.dataKey))} />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={shortLabel(s.label[lang])} stackId="outcomes" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
          <Line type="monotone" dataKey="received" name={receivedLabel} stroke="var(--theme-elevation-800)" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
