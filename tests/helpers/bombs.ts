/**
 * Hostile uploads, generated (never committed): unclosed HTML tags, PDFs with too many pages or
 * text runs, a PDF flate bomb, DOCX zip bombs (honest and lying sizes).
 */
import { constants, crc32, createDeflate, createDeflateRaw, deflateRawSync } from 'node:zlib'

const enc = (s: string) => Buffer.from(s, 'latin1')

/** A PDF from its objects (1-based, in order), with a correct cross-reference table. */
export function pdfFromObjects(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [enc('%PDF-1.4\n')]
  const offsets: number[] = []
  let length = parts[0]!.length
  objects.forEach((body, i) => {
    offsets.push(length)
    const chunk = Buffer.concat([enc(`${i + 1} 0 obj\n`), typeof body === 'string' ? enc(body) : body, enc('\nendobj\n')])
    parts.push(chunk)
    length += chunk.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  parts.push(enc(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`))
  return Buffer.concat(parts)
}

const stream = (dict: string, data: Buffer) => Buffer.concat([enc(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, enc('\nendstream')])

/** `pages` pages sharing one small content stream. */
export function pdfManyPages(pages: number): Buffer {
  // 1 catalog, 2 pages, 3 font, 4 content, 5… the pages
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ')
  const content = enc('BT /F1 12 Tf 72 720 Td (2023 report page) Tj ET')
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', content),
  ]
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>')
  return pdfFromObjects(objects)
}

/** One page of `runs` separate text runs, each on its own line. */
export function pdfManyRuns(runs: number): Buffer {
  const ops: string[] = []
  for (let i = 0; i < runs; i++) ops.push(`BT /F1 4 Tf ${(i % 100) * 6} ${(i * 0.013) % 780} Td (${i % 10}) Tj ET`)
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', enc(ops.join('\n'))),
  ])
}

/** Deflates `total` bytes of `fill` without ever holding them: a stream of chunks. */
async function deflateRepeated(total: number, fill: Buffer, raw: boolean): Promise<Buffer> {
  const deflate = raw ? createDeflateRaw({ level: constants.Z_BEST_COMPRESSION }) : createDeflate({ level: constants.Z_BEST_COMPRESSION })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  const chunk = Buffer.alloc(1 << 20)
  for (let i = 0; i < chunk.length; i += fill.length) fill.copy(chunk, i)
  for (let written = 0; written < total; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

/** A one-page PDF whose content stream inflates to `inflated` bytes (1 GB in the issue). */
export async function pdfFlateBomb(inflated: number): Promise<Buffer> {
  const data = await deflateRepeated(inflated, enc(' '), false)
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('/Filter /FlateDecode', data),
  ])
}

/** A zip of deflated entries; `declare` replaces the true uncompressed sizes (a lying archive). */
export function zipOf(entries: { name: string; data: Buffer; size: number; crc: number }[], declare?: number): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const size = declare ?? e.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(entries.length, 8)
  eocd.writeUInt16LE(entries.length, 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, eocd])
}

/** A DOCX whose word/document.xml inflates to `inflated` bytes of paragraphs. */
export async function docxBomb(inflated: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const fill = Buffer.from('<w:p><w:r><w:t>一</w:t></w:r></w:p>')
  const data = await deflateRepeated(inflated, fill, true)
  const head = Buffer.from('<?xml version="1.0"?><w:document><w:body>')
  const types = Buffer.from('<?xml version="1.0"?><Types/>')
  const deflated = (b: Buffer) => deflateRawSync(b)
  const size = Math.min(inflated, 0xfffffffe)
  return zipOf(
    [
      { name: '[Content_Types].xml', data: deflated(types), size: types.length, crc: crc32(types) },
      { name: 'word/document.xml', data: Buffer.concat([data]), size, crc: crc32(head) },
    ],
    options.lie ? 1000 : undefined,
  )
}

/** An HTML page of `bytes` bytes of unclosed tags `<a b `. */
export const htmlUnclosed = (bytes: number) => Buffer.from('<html><body>' + '<a b '.repeat(Math.ceil(bytes / 5)))
