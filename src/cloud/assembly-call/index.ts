// The committee calls an owners' assembly: the notice is published now (server
// time) and voting opens and closes at the times given. Audited.
import { AppError } from '../../domain/errors'
import { checkMotionSpecs, checkSchedule, votingSettings } from '../../domain/voting/assembly'
import { assemblyCallInput, type AssemblyCallOutput } from '../../contracts/voting'
import { newId } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import type { NewAssembly } from '../kit/voting-port'

export const main = defineFunction({
  name: 'assembly-call',
  input: assemblyCallInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<AssemblyCallOutput> => {
    const actor = requireCaller(caller)
    const settings = votingSettings(await ports.voting.communitySettings(input.communityId))
    const reason = input.shortNoticeReason?.trim() || null
    checkSchedule({ noticeAt: now, opensAt: input.opensAt, closesAt: input.closesAt, shortNoticeReason: reason }, settings)
    if (!(await ports.roll.latest(input.communityId))) throw new AppError('VOTE.NO_ROLL', '本小区还没有业主名册，不能发起表决')

    const id = newId('asm')
    const motions: NewAssembly['motions'] = input.motions.map((m, i) => {
      const isElection = m.candidates !== undefined || m.seats !== undefined
      return {
        id: `${id}-m${i + 1}`, matter: m.matter, title: m.title, body: m.body,
        seats: isElection ? m.seats ?? 0 : null,
        candidates: (m.candidates ?? []).map((c, k) => ({ id: `c${k + 1}`, name: c.name, statement: c.statement })),
      }
    })
    checkMotionSpecs(motions.map((m) => ({ id: m.id, matter: m.matter, election: m.seats === null ? null : { seats: m.seats, candidates: m.candidates.map((c) => c.id) } })))

    const assembly: NewAssembly = {
      id, communityId: input.communityId, title: input.title, notice: input.notice, attachments: input.attachments, noticeAt: now,
      opensAt: input.opensAt, closesAt: input.closesAt, shortNoticeReason: reason, createdBy: actor.person.id, motions,
    }
    const auditSeq = await ports.voting.callAssembly(
      assembly,
      {
        communityId: input.communityId, actorId: actor.person.id, action: 'assembly.call', subject: `assembly:${id}`,
        data: { title: input.title, noticeAt: now, opensAt: input.opensAt, closesAt: input.closesAt, shortNoticeReason: reason, motions: motions.map(({ id: mid, matter, title, seats, candidates }) => ({ id: mid, matter, title, seats, candidates: candidates.map((c) => c.name) })) },
      },
    )
    return { assemblyId: id, motionIds: motions.map((m) => m.id), auditSeq }
  },
})
