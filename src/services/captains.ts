// Client calls for reception days, rectification items, figures and the claim board.
import type { Api } from '../contracts/api'
import { call, upload } from './cloud-client'

type In<K extends keyof Api> = Api[K]['input']

export const fetchUpcomingDays = (communityId: string, building?: string) => call('reception-upcoming', { communityId, ...(building ? { building } : {}), limit: 30 })
export const scheduleReception = (input: In<'reception-schedule'>) => call('reception-schedule', input)
export const cancelReception = (input: In<'reception-cancel'>) => call('reception-cancel', input)
export const moveReception = (input: In<'reception-move'>) => call('reception-move', input)
export const bookReception = (input: In<'reception-book'>) => call('reception-book', input)
export const raiseRectification = (input: In<'rect-raise'>) => call('rect-raise', input)
export const actOnRectification = (input: In<'rect-act'>) => call('rect-act', input)
export const fetchRectification = (communityId: string, itemId: string) => call('rect-item', { communityId, itemId })
export const fetchBoard = (input: In<'rect-board'>) => call('rect-board', input)
export const fetchMonth = (communityId: string, month: string) => call('captain-month', { communityId, month })
export const fetchClaims = (communityId: string, cursor: string | null = null) => call('claim-list', { communityId, cursor, limit: 50 })
export const publishClaimTask = (input: In<'claim-publish'>) => call('claim-publish', input)
export const actOnClaimTask = (input: In<'claim-act'>) => call('claim-act', input)
export const uploadPhoto = (communityId: string, path: string, name: string) => upload({ communityId, purpose: 'photo', path, name })
