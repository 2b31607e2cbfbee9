// The captains' data on the client: upcoming days, boards, one item, the
// month's figures, the claim board; actions reload what they change.
import { create } from 'zustand'
import type { Api } from '../contracts/api'
import type { BoardOutput } from '../contracts/captains'
import {
  actOnClaimTask, actOnRectification, bookReception, cancelReception, fetchBoard, fetchClaims, fetchMonth, fetchRectification,
  fetchUpcomingDays, moveReception, publishClaimTask, raiseRectification, scheduleReception, uploadPhoto,
} from '../services/captains'
import { createResourceStore, thenReload } from './resource'

type In<K extends keyof Api> = Api[K]['input']
export type BoardScope = In<'rect-board'>['scope']

export const upcomingResource = createResourceStore((communityId: string) => fetchUpcomingDays(communityId))
export const itemResource = createResourceStore(fetchRectification)
export const monthResource = createResourceStore(fetchMonth)
export const claimsResource = createResourceStore((communityId: string) => fetchClaims(communityId))
/** A board's first page, keyed by scope and building; later pages are appended by `boardMore`. */
export const boardResource = createResourceStore((communityId: string, scope: BoardScope, building: string | null) =>
  fetchBoard({ communityId, scope, ...(building ? { building } : {}), limit: 20 }))

export async function boardMore(communityId: string, scope: BoardScope, building: string | null, prev: BoardOutput): Promise<BoardOutput> {
  const next = await fetchBoard({ communityId, scope, ...(building ? { building } : {}), limit: 20, cursor: prev.nextCursor })
  return { ...next, items: [...prev.items, ...next.items] }
}

/** Which item or board the next page opens (Taro's router params are read too; this keeps tests and H5 simple). */
interface Selection {
  itemId: string | null
  scope: BoardScope
  building: string | null
  select(s: Partial<Omit<Selection, 'select' | 'reset'>>): void
  reset(): void
}
const NONE = { itemId: null, scope: 'mine' as BoardScope, building: null }
export const useCaptainSelection = create<Selection>()((set) => ({ ...NONE, select: (s) => set(s), reset: () => set(NONE) }))

const reloadBoards = () => boardResource.store.getState().reset()

export const scheduleDays = thenReload(scheduleReception, upcomingResource)
export const cancelDay = thenReload(cancelReception, upcomingResource)
export const moveDay = thenReload(moveReception, upcomingResource)
export const bookSlot = thenReload(bookReception, upcomingResource)
export async function raiseItem(input: In<'rect-raise'>) {
  const r = await raiseRectification(input)
  reloadBoards()
  return r
}
export async function actOnItem(input: In<'rect-act'>) {
  const r = await actOnRectification(input)
  reloadBoards()
  await itemResource.store.getState().reload(input.communityId, input.itemId)
  return r
}
export const publishClaim = thenReload(publishClaimTask, claimsResource)
export const actOnClaim = thenReload(actOnClaimTask, claimsResource)
export const addPhoto = (communityId: string, path: string, name: string) => uploadPhoto(communityId, path, name)

export function resetCaptainStores() {
  for (const r of [upcomingResource, itemResource, monthResource, claimsResource, boardResource]) r.store.getState().reset()
  useCaptainSelection.getState().reset()
}
