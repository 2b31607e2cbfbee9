// One assembly as its reader may see it: notice, motions, rules, live
// participation, the caller's own ballots, and after closing the result.
// Choice tallies do not exist anywhere until the committee closes the vote.
import { ROLES } from '../../domain/roles'
import { votingSettings } from '../../domain/voting/assembly'
import { assemblyRef, type AssemblyDetail, type ObjectionView } from '../../contracts/voting'
import { loadAssembly, motionViews, openIfDue, summaryOf } from '../kit/assembly'
import { defineFunction, requireCaller } from '../kit/handler'
import { nameFor } from '../kit/privacy'
import { publishedView } from '../kit/published'
import { balloteesOf } from '../kit/voters'

export const main = defineFunction({
  name: 'assembly-get',
  input: assemblyRef,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, caller, ports, now }): Promise<AssemblyDetail> => {
    const me = requireCaller(caller)
    const a = await openIfDue(ports, await loadAssembly(ports, input.communityId, input.assemblyId), now)
    const settings = votingSettings(await ports.voting.communitySettings(input.communityId))
    const summary = await summaryOf(ports, a, now)
    // Before voting opens this lists the caller's own keys (from the newest roll) so they can name a proxy.
    const ballotees = await balloteesOf(ports, a, me)
    const cast = a.rollVersion === null ? [] : await ports.voting.castBy(a.id, ballotees.map((b) => b.voter.voterKey))
    const given = await ports.voting.proxiesOf(a.id, { voterKeys: ballotees.filter((b) => b.as === 'owner').map((b) => b.voter.voterKey) })
    const people = new Map((await ports.identity.communityPeople(input.communityId)).map((p) => [p.person.id, p.person.name]))
    const nameOf = (personId: string): string | null => {
      const name = people.get(personId)
      return name === undefined ? null : nameFor(me, personId, name)
    }
    const mine = ballotees.map((b) => {
      const done = cast.filter((c) => c.voterKey === b.voter.voterKey)
      const scope = b.proxy?.motions ?? null
      const proxy = b.as === 'proxy' ? b.proxy : given.filter((p) => p.voterKey === b.voter.voterKey).pop() ?? null
      return {
        ownerKey: b.voter.voterKey, units: b.voter.units, area: b.voter.area, as: b.as,
        openMotionIds: a.motions.map((m) => m.id).filter((id) => !done.some((c) => c.motionId === id) && (scope === null || scope.includes(id))),
        cast: done.map(({ motionId, channel, castAt, trackingCode }) => ({ motionId, channel, castAt, trackingCode })),
        proxy: proxy && { proxyPersonId: proxy.proxyPersonId, proxyName: nameOf(proxy.proxyPersonId), grantedByName: nameOf(proxy.grantedBy), motionIds: proxy.motions, revokedAt: proxy.revokedAt },
      }
    })

    const objections = await ports.voting.objections(a.id)
    const result = await publishedView(ports, a, objections)
    const seesAll = me.community?.roles.some((r) => r === 'committee' || r === 'supervisor') ?? false
    const myKeys = new Set(mine.filter((m) => m.as === 'owner').map((m) => m.ownerKey))
    const visible: ObjectionView[] = objections
      .filter((o) => seesAll || myKeys.has(o.voterKey))
      .map((o) => ({ id: o.id, trackingCode: o.trackingCode, text: o.text, filedAt: o.filedAt, filedByName: nameOf(o.filedBy), resolution: o.resolution, reason: o.reason, resolvedAt: o.resolvedAt }))

    return {
      ...summary, notice: a.notice, attachments: a.attachments, shortNoticeReason: a.shortNoticeReason, rollVersion: a.rollVersion,
      motions: motionViews(a), settings, mine, canVote: summary.phase === 'open' && mine.some((m) => m.openMotionIds.length > 0), result, objections: visible,
    }
  },
})
