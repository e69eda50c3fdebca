/**
 * Plain text ⇄ Lexical editor state, for the narrative sections. The rules (TEXT.MATCH,
 * FEE.REPORTED) read plain text; the admin edits Lexical rich text; API clients post the
 * interchange JSON, whose sections are plain strings. Written against Lexical's serialized
 * JSON so this module imports nothing from Lexical (importing it under tsx can hang).
 */

interface LexicalNode {
  type?: string
  text?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

export interface LexicalState {
  root: LexicalNode & { type: 'root'; children: LexicalNode[] }
}

function textNode(text: string): LexicalNode {
  return { type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }
}

function paragraph(line: string): LexicalNode {
  return {
    type: 'paragraph',
    children: line ? [textNode(line)] : [],
    direction: line ? 'ltr' : null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    version: 1,
  }
}

/** One paragraph per line of the text. */
export function plainTextToLexical(text: string): LexicalState {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return {
    root: { type: 'root', children: lines.map(paragraph), direction: 'ltr', format: '', indent: 0, version: 1 },
  }
}

export function isLexicalState(value: unknown): value is LexicalState {
  if (typeof value !== 'object' || value === null) return false
  const root = (value as { root?: unknown }).root
  return typeof root === 'object' && root !== null && Array.isArray((root as LexicalNode).children)
}

/** Deepest nesting of a Lexical state accepted on write; real documents nest a handful of levels (lists in lists). */
export const MAX_LEXICAL_DEPTH = 64

/** How deep a JSON value nests (objects and arrays), counted without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    if (depth > deepest) deepest = depth
    if (deepest > limit) return deepest
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return deepest
}

function inlineText(node: LexicalNode, depth = 0): string {
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  if (typeof node.text === 'string') return node.text
  // nesting beyond any real document is not read (writes refuse it: plugin/incoming.ts)
  if (depth > MAX_LEXICAL_DEPTH * 2 || !Array.isArray(node.children)) return ''
  return node.children.map((child) => inlineText(child, depth + 1)).join('')
}

const CONTAINERS = new Set(['root', 'list', 'table', 'tablerow'])

function blockLines(node: LexicalNode, lines: string[], depth = 0): void {
  if (depth > MAX_LEXICAL_DEPTH * 2) return
  if (node.type && CONTAINERS.has(node.type)) {
    for (const child of node.children ?? []) blockLines(child, lines, depth + 1)
    return
  }
  if (node.type === 'listitem' && node.children?.some((c) => c.type === 'list')) {
    for (const child of node.children) {
      if (child.type === 'list') blockLines(child, lines, depth + 1)
      else lines.push(inlineText(child))
    }
    return
  }
  lines.push(inlineText(node))
}

/** The text of a Lexical state, one line per block; null when it holds no text at all. */
export function lexicalToPlainText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (!isLexicalState(value)) return null
  const lines: string[] = []
  blockLines(value.root, lines)
  const text = lines.join('\n')
  return text.trim() ? text : null
}
