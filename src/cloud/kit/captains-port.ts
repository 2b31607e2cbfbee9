// What the captains' functions need from storage: reception days and their
// bookings, rectification items with their steps, figures' raw facts, and the
// claim board. Every state change is written against the version it was read
// at (a stale write is refused with CONFLICT) and carries its audit entry.
import type { ClaimTask } from '../../domain/captains/claims'
import type { ItemFacts } from '../../domain/captains/numbers'
import type { ReceptionDay } from '../../domain/captains/reception'
import type { Assignee, ItemStatus, ItemStep, RectificationItem } from '../../domain/captains/rectification'
import type { AuditDraft } from './ports'

export interface Booking {
  dayId: string
  slot: number
  personId: string
  building: string
  unitNo: string
  note: string
  bookedAt: number
}

export interface BoardQuery {
  communityId: string
  /** Only these buildings (null: all). */
  buildings: string[] | null
  /** Only items raised by this person or for these units. */
  household?: { personId: string; units: Array<{ building: string; unitNo: string }> }
  assignee?: Assignee
  statuses?: ItemStatus[]
  /** Open work whose deadline is before this instant. */
  overdueAt?: number
  /** Opaque: where the previous page ended. */
  cursor: string | null
  limit: number
}

export interface CaptainsPort {
  insertDays(days: ReceptionDay[], audit: AuditDraft, at: number): Promise<void>
  day(id: string): Promise<ReceptionDay | null>
  /** Saves a cancelled or moved day, if it is still at `expectedVersion`. */
  saveDay(day: ReceptionDay, expectedVersion: number, audit: AuditDraft, at: number): Promise<void>
  upcoming(communityId: string, buildings: string[] | null, from: number, limit: number): Promise<ReceptionDay[]>
  bookings(dayIds: string[]): Promise<Booking[]>
  /** Refuses RECEPTION.SLOT_TAKEN or RECEPTION.ALREADY_BOOKED by the database's keys. */
  book(b: Booking, audit: AuditDraft): Promise<void>
  /** Whether the unit is on the community's newest roll. */
  unitExists(communityId: string, building: string, unitNo: string): Promise<boolean>
  /** People who own or live in a unit of the building (for reminders). */
  householdsOf(communityId: string, building: string): Promise<string[]>
  /** Scheduled days (every community) starting in [from, to), for reminders. */
  daysStarting(from: number, to: number): Promise<ReceptionDay[]>

  insertItem(item: RectificationItem, step: ItemStep, audit: AuditDraft): Promise<void>
  item(id: string): Promise<RectificationItem | null>
  steps(itemId: string): Promise<ItemStep[]>
  /** Saves the item after a step, if it is still at `expectedVersion`. */
  saveStep(item: RectificationItem, expectedVersion: number, step: ItemStep, audit: AuditDraft): Promise<void>
  board(q: BoardQuery): Promise<{ items: RectificationItem[]; nextCursor: string | null }>
  counts(q: Omit<BoardQuery, 'cursor' | 'limit' | 'statuses'>): Promise<Record<ItemStatus, number>>
  /** Every item that could count in [start, end), with its reopen times. */
  monthFacts(communityId: string, start: number, end: number): Promise<ItemFacts[]>
  /** Open items past their deadline that may need escalating (every community). */
  escalationCandidates(now: number, limit: number): Promise<RectificationItem[]>

  insertClaim(task: ClaimTask, audit: AuditDraft): Promise<void>
  claim(id: string): Promise<ClaimTask | null>
  saveClaim(task: ClaimTask, expectedVersion: number, audit: AuditDraft, at: number): Promise<void>
  claims(communityId: string, cursor: string | null, limit: number): Promise<{ tasks: ClaimTask[]; nextCursor: string | null }>
}
