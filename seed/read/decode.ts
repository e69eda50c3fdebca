import iconv from 'iconv-lite'

/**
 * Bytes to text. A byte-order mark decides; else a charset the file declares (HTML meta tags,
 * XML declarations) decides, GBK/GB2312 included; else UTF-8 if the bytes are valid UTF-8, and
 * GB18030 (a superset of GBK) if not, since Chinese text that is not UTF-8 almost always is.
 * Returns null for binary data.
 */
export interface Decoded {
  text: string
  encoding: string
}

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_-]+)/i

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const m = DECLARED.exec(head)
  return m ? (m[1] ?? m[2]!).toLowerCase() : null
}

/** Binary data has many NUL and control bytes; a text file with a few damaged bytes does not. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++
  }
  return n > 0 && control / n > 0.01
}

export function decodeText(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  if (looksBinary(bytes)) return null
  const declared = declaredCharset(bytes)
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    const name = /^(gb2312|gbk|x-gbk|gb_2312-80|cp936)$/.test(declared) ? 'gb18030' : declared
    return { text: iconv.decode(Buffer.from(bytes), name), encoding: declared }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // A UTF-8 file with a few damaged bytes stays UTF-8; text that is mostly not UTF-8 is GB18030.
    const text = new TextDecoder('utf-8').decode(bytes)
    const bad = text.match(/\ufffd/g)?.length ?? 0
    if (bad <= Math.max(3, text.length / 200)) return { text, encoding: 'utf-8' }
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' }
  }
}
