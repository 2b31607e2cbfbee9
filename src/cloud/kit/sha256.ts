import { createHash } from 'node:crypto'
import type { Sha256 } from '../../domain/audit-chain'

export const sha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
export const sha256Bytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
