// The little XML an .xlsx needs, both ways: entities, attributes, and
// SpreadsheetML's own `_xHHHH_` escape for characters XML cannot carry.
// Element names are matched with any namespace prefix (`<x:row>` from the
// OpenXML SDK reads like `<row>`).

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Text or an attribute value as written in the XML, entities resolved. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]
    const cp = hex ? parseInt(hex, 16) : Number(dec)
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole
  })
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

/** A cell's string: XML entities, then `_x000D_`-style escapes (Excel writes a carriage return in a cell so). */
export function cellString(raw: string): string {
  const s = unescapeXml(raw)
  return s.includes('_x') ? s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** The attributes of one tag (the text between its name and `>`), by name as written (`r:id` keeps its prefix). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  ATTRIBUTE.lastIndex = 0
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out.set(m[1], unescapeXml(m[2] ?? m[3]))
  return out
}

/** A relationship id attribute (`r:id`), whatever prefix the writer bound to the relationships namespace. */
export function relationshipId(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (k.endsWith(':id')) return v
  return undefined
}

/** `<name …/>` or `<name …>…</name>` with any prefix: group 1 the attributes of the empty form, 2 and 3 of the full one. */
export const elementPattern = (name: string, flags = 'g'): RegExp => new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)/>|<(?:[\\w.-]+:)?${name}\\b([^>]*)>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`, flags)

const RICH_PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g
const TEXT_RUN = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g

/**
 * The text of a string item (`<si>` or an inline `<is>`): plain `<t>` or the
 * runs of rich text joined, without the phonetic guide (`<rPh>`, furigana)
 * that Excel keeps beside Japanese text.
 */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? inner.replace(RICH_PHONETIC, '') : inner
  let text = ''
  TEXT_RUN.lastIndex = 0
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) if (m[1]) text += m[1]
  return cellString(text)
}

// ---- writing ----------------------------------------------------------------

const TEXT_SPECIAL = /[&<>]/g
const ATTR_SPECIAL = /[&<>"]/g
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export const escapeAttribute = (s: string): string => s.replace(ATTR_SPECIAL, (c) => SPECIAL[c])

/**
 * A string as cell text: control characters XML 1.0 cannot hold become
 * `_xHHHH_`, and a literal `_xHHHH_` is protected (`_x005F_`) so it reads
 * back as typed; lone surrogates become U+FFFD.
 */
export function escapeCellText(s: string): string {
  let out = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  out = out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  return out.replace(TEXT_SPECIAL, (c) => SPECIAL[c])
}
