// The claim board (认领): the committee publishes a need; a volunteer claims it
// (领单) or the committee dispatches it to someone (派单); the one who took it
// reports it done. The public list shows who did what and when.
import { AppError } from '../errors'
import { holds, type Actor } from './actor'

export type ClaimStatus = 'open' | 'taken' | 'done' | 'withdrawn'
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = { open: '待认领', taken: '已接单', done: '已完成', withdrawn: '已撤回' }

export interface ClaimTask {
  id: string
  communityId: string
  title: string
  detail: string
  status: ClaimStatus
  publishedBy: string
  publishedAt: number
  takerId: string | null
  /** How it was taken: claimed by the volunteer, or dispatched by the committee. */
  takenHow: 'claimed' | 'dispatched' | null
  takenAt: number | null
  dispatchedBy: string | null
  doneNote: string
  doneAt: number | null
  version: number
}

export type ClaimCommand =
  | { kind: 'claim' }
  | { kind: 'dispatch'; to: string }
  | { kind: 'done'; note: string }
  | { kind: 'withdraw' }

export const CLAIM_TRANSITIONS: Record<ClaimStatus, Partial<Record<ClaimCommand['kind'], ClaimStatus>>> = {
  open: { claim: 'taken', dispatch: 'taken', withdraw: 'withdrawn' },
  taken: { done: 'done' },
  done: {},
  withdrawn: {},
}

export function publishClaim(input: { id: string; communityId: string; title: string; detail: string }, actor: Actor, now: number): ClaimTask {
  if (!holds(actor, 'committee')) throw new AppError('CLAIM.COMMITTEE_ONLY', '只有业委会可以发布需求')
  const title = input.title.trim()
  if (!title) throw new AppError('CLAIM.TITLE_REQUIRED', '请填写需求标题', { field: 'title' })
  return { ...input, title, detail: input.detail.trim(), status: 'open', publishedBy: actor.personId, publishedAt: now, takerId: null, takenHow: null, takenAt: null, dispatchedBy: null, doneNote: '', doneAt: null, version: 1 }
}

/** `isMember(personId)` says whether a dispatch target belongs to the community. */
export function applyClaim(task: ClaimTask, cmd: ClaimCommand, actor: Actor, now: number, isMember: (personId: string) => boolean): ClaimTask {
  const next = CLAIM_TRANSITIONS[task.status][cmd.kind]
  if (!next) throw new AppError('CLAIM.ILLEGAL_TRANSITION', `此需求${CLAIM_STATUS_LABELS[task.status]}，不能再这样处理`, { status: task.status, command: cmd.kind })
  const base = { ...task, status: next, version: task.version + 1 }
  switch (cmd.kind) {
    case 'claim':
      return { ...base, takerId: actor.personId, takenHow: 'claimed', takenAt: now }
    case 'dispatch':
      if (!holds(actor, 'committee')) throw new AppError('CLAIM.COMMITTEE_ONLY', '只有业委会可以派单')
      if (!isMember(cmd.to)) throw new AppError('CLAIM.NOT_A_MEMBER', '只能派给本小区的成员', { field: 'to' })
      return { ...base, takerId: cmd.to, takenHow: 'dispatched', takenAt: now, dispatchedBy: actor.personId }
    case 'done': {
      if (task.takerId !== actor.personId) throw new AppError('CLAIM.NOT_TAKER', '只有接单的人可以报告完成')
      const note = cmd.note.trim()
      if (!note) throw new AppError('CLAIM.NOTE_REQUIRED', '请写明完成情况', { field: 'note' })
      return { ...base, doneNote: note, doneAt: now }
    }
    case 'withdraw':
      if (!holds(actor, 'committee')) throw new AppError('CLAIM.COMMITTEE_ONLY', '只有业委会可以撤回需求')
      return base
  }
}
