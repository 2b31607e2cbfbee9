// What the repair functions share: who the viewer is, whether they may see a
// request, how a request reads to them, writing one command (domain
// transition + timeline + audit in one transaction, then notices), and the
// two scheduled jobs (repair-jobs by hand, the periodic pass in jobs.ts).
import { AppError, isAppError } from '../../domain/errors'
import type { Role } from '../../domain/roles'
import { AUTO_CONFIRM_AFTER, COMMAND_ACTOR, COMMAND_LABELS, STATUS_LABELS, autoConfirmAt, applyRepair, canApply, dueOf, type RepairCommand, type RepairCommandKind, type RepairRequest } from '../../domain/repairs/request'
import { CATEGORY_LABELS } from '../../domain/repairs/commitments'
import { locationLabel, maySee, reporterNameFor, type Viewer } from '../../domain/repairs/visibility'
import type { RepairDetail, RepairSummary } from '../../contracts/repairs'
import type { Caller } from './handler'
import { requireOwnPhotos } from './photos'
import type { Ports } from './ports'
import { publishedWithdrawal } from './repair-fund'

export const REPAIR_PAGE = '/packages/repair/pages/detail/index'

export async function viewerOf(ports: Ports, caller: Caller, communityId: string): Promise<Viewer> {
  const units = await ports.identity.unitsOf(caller.person.id)
  return {
    personId: caller.person.id,
    roles: caller.community?.roles ?? [],
    ownedUnits: units.filter((u) => u.communityId === communityId && u.relation === 'owner'),
  }
}

/** The request if this viewer may see it; otherwise the same NOT_FOUND as a request that does not exist. */
export async function loadVisible(ports: Ports, viewer: Viewer, communityId: string, id: string): Promise<RepairRequest> {
  const r = await ports.repairs.get(communityId, id)
  if (!r || !maySee(viewer, r)) throw new AppError('REPAIR.NOT_FOUND', '没有找到这张报修单')
  return r
}

export async function namesOf(ports: Ports, communityId: string): Promise<Map<string, string>> {
  return new Map((await ports.identity.communityPeople(communityId)).map((p) => [p.person.id, p.person.name]))
}

export function summarize(r: RepairRequest, viewer: Viewer, names: Map<string, string>, now: number): RepairSummary {
  return {
    id: r.id,
    no: r.no,
    status: r.status,
    category: r.category,
    urgency: r.urgency,
    location: r.location,
    where: locationLabel(r.location),
    description: r.description,
    reporterName: reporterNameFor(viewer, r, names.get(r.reporterId) ?? '业主'),
    reportedAt: r.reportedAt,
    due: dueOf(r, now),
    mine: r.reporterId === viewer.personId,
    rating: r.rating,
    escalated: r.escalated.length > 0,
  }
}

/** The buttons this viewer gets: staff handle, the reporter confirms, reopens or urges (once a promise is missed). */
export function actionsFor(r: RepairRequest, viewer: Viewer, now: number): RepairCommandKind[] {
  const staff = viewer.roles.includes('property')
  const reporter = r.reporterId === viewer.personId
  return (Object.keys(COMMAND_ACTOR) as RepairCommandKind[]).filter((kind) => {
    if (!canApply(r.status, kind)) return false
    if (COMMAND_ACTOR[kind] === 'staff') return staff
    if (COMMAND_ACTOR[kind] !== 'reporter' || !reporter) return false
    if (kind !== 'urge') return true
    const due = dueOf(r, now)
    return !!due?.overdue && !r.urged.includes(due.phase)
  })
}

export async function detailOf(ports: Ports, r: RepairRequest, viewer: Viewer, now: number): Promise<RepairDetail> {
  const names = await namesOf(ports, r.communityId)
  const overseer = viewer.roles.some((role: Role) => role === 'property' || role === 'committee' || role === 'supervisor')
  const timeline = (await ports.repairs.timeline(r.id)).map((e) => ({
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    label: COMMAND_LABELS[e.kind as RepairCommandKind] ?? (e.kind === 'report' ? '提交报修' : e.kind === 'fund_link' ? '关联维修资金' : e.kind),
    // Staff and the reporter's own steps are named; other owners see who acted only as a role.
    actorName: e.actorId === null ? '系统' : e.actorId === r.reporterId ? reporterNameFor(viewer, r, names.get(e.actorId) ?? '业主') : overseer ? names.get(e.actorId) ?? null : '物业',
    data: e.data,
  }))
  return {
    ...summarize(r, viewer, names, now),
    photos: r.photos,
    preferredTime: r.preferredTime,
    worker: r.worker,
    completionNote: r.completionNote,
    completionPhotos: r.completionPhotos,
    comment: r.comment,
    reopenCount: r.reopenCount,
    autoConfirmAt: autoConfirmAt(r),
    fundWithdrawalId: r.fundWithdrawalId,
    fundWithdrawal: await fundWithdrawalOf(ports, r),
    actions: actionsFor(r, viewer, now),
    timeline,
  }
}

async function fundWithdrawalOf(ports: Ports, r: RepairRequest): Promise<RepairDetail['fundWithdrawal']> {
  const w = r.fundWithdrawalId ? await publishedWithdrawal(ports, r.communityId, r.fundWithdrawalId) : null
  return w && { ref: w.ref, quarter: w.quarter, label: w.label, amount: w.amount }
}

/** Photos must be this person's own uploads in this community, uploaded as photos. */
export const checkPhotos = (ports: Ports, communityId: string, personId: string, ids: readonly string[]): Promise<void> =>
  requireOwnPhotos(ports, 'REPAIR', communityId, personId, ids)

async function peopleWithRole(ports: Ports, communityId: string, role: Role): Promise<string[]> {
  return (await ports.identity.communityPeople(communityId)).filter((p) => p.roles.includes(role)).map((p) => p.person.id)
}

/** Who hears about a change, and what they read. */
async function notify(ports: Ports, before: RepairRequest, after: RepairRequest, kind: RepairCommandKind, at: number): Promise<void> {
  const what = `${CATEGORY_LABELS[after.category]} · ${locationLabel(after.location)}`
  const page = `${REPAIR_PAGE}?id=${after.id}`
  const send = (recipientIds: string[], title: string) =>
    recipientIds.length ? ports.notifications.send({ communityId: after.communityId, recipientIds, kind: `repair.${kind}`, title, body: what, page, dedupeKey: `repair:${after.id}:${after.version}`, at }) : Promise.resolve(0)
  if (kind === 'urge') await send(await peopleWithRole(ports, after.communityId, 'property'), `报修 #${after.no} 被催单`)
  else if (kind === 'escalate') await send(await peopleWithRole(ports, after.communityId, 'committee'), `报修 #${after.no} 逾期未处理，已上报业委会`)
  else if (kind === 'reopen') await send(await peopleWithRole(ports, after.communityId, 'property'), `报修 #${after.no} 被重新打开`)
  else if (before.status !== after.status && COMMAND_ACTOR[kind] !== 'reporter') await send([after.reporterId], `您的报修 #${after.no}：${STATUS_LABELS[after.status]}`)
}

/** Applies one command as `actorId` (null: the scheduled jobs) and writes it; returns the new request. */
export async function runCommand(ports: Ports, r: RepairRequest, cmd: RepairCommand, actorId: string | null, now: number): Promise<RepairRequest> {
  const { next, data } = applyRepair(r, cmd, now)
  await ports.repairs.update(
    next,
    { at: now, actorId, kind: cmd.kind, status: next.status, data },
    { communityId: r.communityId, actorId, action: `repair.${cmd.kind}`, subject: `repair:${r.id}`, data: { no: r.no, from: r.status, to: next.status, ...data } },
  )
  await notify(ports, r, next, cmd.kind, now)
  return next
}

/** Runs a job's command; false when someone changed the request meanwhile (another host's run, the reporter). */
async function unlessChanged(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write()
    return true
  } catch (e) {
    // Several hosts over one PostgreSQL database run these jobs at once: the first write wins, the rest skip.
    if (isAppError(e) && e.code === 'CONFLICT') return false
    throw e
  }
}

export async function autoConfirmJob(ports: Ports, communityId: string, now: number): Promise<number> {
  let n = 0
  for (const r of await ports.repairs.completedBefore(communityId, now - AUTO_CONFIRM_AFTER)) {
    if (await unlessChanged(() => runCommand(ports, r, { kind: 'auto_confirm' }, null, now))) n++
  }
  return n
}

export async function escalationJob(ports: Ports, communityId: string, now: number): Promise<number> {
  let n = 0
  for (const r of await ports.repairs.overdue(communityId, now)) {
    // Already escalated for this deadline: the domain says so; skip without writing.
    try {
      applyRepair(r, { kind: 'escalate' }, now)
    } catch (e) {
      if (isAppError(e)) continue
      throw e
    }
    if (await unlessChanged(() => runCommand(ports, r, { kind: 'escalate' }, null, now))) n++
  }
  return n
}
