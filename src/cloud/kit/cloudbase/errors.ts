// How the CloudBase database says "that _id already exists", in both of the
// forms it uses: the SDK's DATABASE_DUPLICATE_WRITE code, or the server's
// -502001 with MongoDB's E11000 in the message. Unique records are added with
// an _id chosen from their natural key, so this error IS the uniqueness check.
import { AppError } from '../../../domain/errors'
import type { Collection, TxCollection } from './sdk'

export function isDuplicateWrite(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false
  const { errCode, code, errMsg, message } = e as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
  const text = `${typeof errMsg === 'string' ? errMsg : ''} ${typeof message === 'string' ? message : ''}`
  if (code === 'DATABASE_DUPLICATE_WRITE' || errCode === 'DATABASE_DUPLICATE_WRITE' || text.includes('DATABASE_DUPLICATE_WRITE')) return true
  return (errCode === -502001 || code === -502001 || text.includes('-502001')) && text.includes('E11000')
}

/** Adds a record under its chosen _id; false when one with that _id already exists. */
export async function addUnique<T extends { _id: string }>(c: Collection<T> | TxCollection<T>, data: T): Promise<boolean> {
  try {
    await c.add({ data })
    return true
  } catch (e) {
    if (isDuplicateWrite(e)) return false
    throw e
  }
}

/** Adds a record under its chosen _id; a duplicate becomes the app's own answer (e.g. BALLOT.DUPLICATE). */
export async function addOrRefuse<T extends { _id: string }>(c: Collection<T> | TxCollection<T>, data: T, duplicate: () => AppError): Promise<void> {
  if (!(await addUnique(c, data))) throw duplicate()
}

/** `doc(id).get()` rejects for a missing document; this answers null instead. */
export async function getOrNull<T>(ref: { get(): Promise<{ data: T }> }): Promise<T | null> {
  try {
    return (await ref.get()).data
  } catch (e) {
    const text = String((e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '')
    if (/not exist|does not exist|DOCUMENT_NOT_FOUND|-502005/i.test(text)) return null
    throw e
  }
}
