// A cloud function's get() returns at most 100 documents; these read past it.
import type { Database, Query } from './sdk'

export const MAX_PAGE = 100

/** A list cut into runs of 100: what one `_.in([...])` condition is given at a time. */
export const chunks = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / MAX_PAGE) }, (_, i) => xs.slice(i * MAX_PAGE, (i + 1) * MAX_PAGE))

/** Every document a query matches, 100 at a time with skip (for small sets: memberships, people). */
export async function fetchAll<T>(query: () => Query<T>, pageSize = MAX_PAGE): Promise<T[]> {
  const all: T[] = []
  for (let skip = 0; ; skip += pageSize) {
    const page = (await query().skip(skip).limit(pageSize).get()).data
    all.push(...page)
    if (page.length < pageSize) return all
  }
}

/** The first `limit` documents a query matches, in its order, 100 per request (e.g. a page of a list a person scrolls). */
export async function fetchFirst<T>(query: () => Query<T>, limit: number): Promise<T[]> {
  const all: T[] = []
  while (all.length < limit) {
    const size = Math.min(MAX_PAGE, limit - all.length)
    const page = (await query().skip(all.length).limit(size).get()).data
    all.push(...page)
    if (page.length < size) break
  }
  return all
}

/** The documents with these _ids (those that exist), 100 ids per request. */
export async function docsByIds<T>(db: Database, collection: string, wanted: readonly string[]): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  for (const part of chunks([...new Set(wanted)])) out.push(...(await db.collection<T>(collection).where({ _id: _.in(part) }).limit(MAX_PAGE).get()).data)
  return out
}

/**
 * Documents in `field` order after `after`, up to `limit`, 100 per request
 * with the last value as the cursor: cheaper than skip on long lists (the audit chain).
 */
export async function fetchAfter<K extends string, T extends { [k in K]: number }>(page: (after: number, size: number) => Query<T>, field: K, after: number, limit = Infinity): Promise<T[]> {
  const all: T[] = []
  let cursor = after
  while (all.length < limit) {
    const size = Math.min(MAX_PAGE, limit - all.length)
    const rows = (await page(cursor, size).get()).data
    all.push(...rows)
    if (rows.length < size) break
    cursor = rows[rows.length - 1][field]
  }
  return all
}

/**
 * Every document of a large query whose size is known beforehand (a count()
 * or a stored total): pages of 100 fetched several at once, so reading
 * thousands stays well inside a function's timeout. Documents are kept by
 * _id: a page shifted by a concurrent insert costs a repeat, never a miss,
 * and pages past `total` are read until a short one (documents added since).
 */
export async function fetchKnown<T extends { _id: string }>(query: () => Query<T>, total: number, parallel = 8): Promise<T[]> {
  const byId = new Map<string, T>()
  const page = (n: number) => query().skip(n * MAX_PAGE).limit(MAX_PAGE).get()
  const known = Math.ceil(total / MAX_PAGE)
  for (let first = 0; first < known; first += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, known - first) }, (_, i) => page(first + i)))
    for (const { data } of batch) for (const d of data) byId.set(d._id, d)
  }
  for (let n = known; ; n++) {
    const { data } = await page(n)
    for (const d of data) byId.set(d._id, d)
    if (data.length < MAX_PAGE) return [...byId.values()]
  }
}
