// The id of a person who registered themselves, derived from their OPENID:
// the same OPENID always gives the same id, so the database's key on it (the
// _id on CloudBase, the primary key on SQL) refuses a second copy.
import { sha256 } from './sha256'

export const personIdFor = (openid: string): string => `p-wx-${sha256(openid).slice(0, 20)}`
