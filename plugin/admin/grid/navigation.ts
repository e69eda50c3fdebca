import type { GridModel, ValueCell } from './model.ts'

/**
 * Keyboard movement between value cells, as in a spreadsheet. Rows of the printed form have
 * different shapes (table 2's one-cell rows span three columns; table 4 is one long row), so
 * up/down move to the cell of the next value row that lies under the current one.
 */
export type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous' | 'rowStart' | 'rowEnd' | 'first' | 'last'

export interface KeyInput {
  key: string
  shiftKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}

/** How the focused cell takes keys: `ready` (just focused: arrows move, typing replaces) or `edit` (F2: arrows move the caret). */
export type CellMode = 'ready' | 'edit'

/** The move a key asks for in a cell, or null when the key is the input's own. */
export function keyMove(input: KeyInput, mode: CellMode): Move | null {
  if (input.altKey) return null
  const ctrl = input.ctrlKey || input.metaKey
  switch (input.key) {
    case 'Tab':
      return input.shiftKey ? 'previous' : 'next'
    case 'Enter':
      return input.shiftKey ? 'up' : 'down'
    case 'ArrowUp':
      return 'up'
    case 'ArrowDown':
      return 'down'
    case 'ArrowLeft':
      return mode === 'edit' ? null : 'left'
    case 'ArrowRight':
      return mode === 'edit' ? null : 'right'
    case 'Home':
      return mode === 'edit' && !ctrl ? null : ctrl ? 'first' : 'rowStart'
    case 'End':
      return mode === 'edit' && !ctrl ? null : ctrl ? 'last' : 'rowEnd'
    default:
      return null
  }
}

function rowIndexOf(model: GridModel, cell: ValueCell): number {
  return model.valueRows.findIndex((r) => r[0]!.row === cell.row)
}

/** The cell of `row` under `cell`: the one covering its first column, else the nearest. */
function cellBelow(row: readonly ValueCell[], cell: ValueCell): ValueCell {
  const covering = row.find((c) => c.col <= cell.col && cell.col < c.col + c.colSpan)
  if (covering) return covering
  let best = row[0]!
  for (const c of row) {
    if (Math.abs(c.col - cell.col) < Math.abs(best.col - cell.col)) best = c
  }
  return best
}

/** The path of the cell a move leads to from `path`, or null when it would leave the grid. */
export function moveFrom(model: GridModel, path: string, move: Move): string | null {
  const cell = model.byPath.get(path)
  if (!cell) return model.values[0]?.path ?? null
  const r = rowIndexOf(model, cell)
  const row = model.valueRows[r]!
  const i = row.indexOf(cell)
  switch (move) {
    case 'left':
      return row[i - 1]?.path ?? null
    case 'right':
      return row[i + 1]?.path ?? null
    case 'rowStart':
      return row[0]!.path
    case 'rowEnd':
      return row[row.length - 1]!.path
    case 'next':
      return model.values[cell.order + 1]?.path ?? null
    case 'previous':
      return model.values[cell.order - 1]?.path ?? null
    case 'first':
      return model.values[0]?.path ?? null
    case 'last':
      return model.values[model.values.length - 1]?.path ?? null
    case 'up':
    case 'down': {
      const target = model.valueRows[move === 'up' ? r - 1 : r + 1]
      return target ? cellBelow(target, cell).path : null
    }
  }
}
