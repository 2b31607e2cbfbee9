// The published ballot list: per ballot its tracking code, channel, time and
// choices as cast (with any correction an upheld objection recorded beside
// the choice it corrects), and the unit only if the community's rules publish
// units. Sealed until the count is published.
import { ROLES } from '../../domain/roles'
import { votingSettings } from '../../domain/voting/assembly'
import { assemblyRef, type PublishedBallot } from '../../contracts/voting'
import { loadAssembly } from '../kit/assembly'
import { defineFunction } from '../kit/handler'
import { requirePublished } from '../kit/published'

export const main = defineFunction({
  name: 'ballot-list',
  input: assemblyRef,
  access: { kind: 'community', roles: ROLES },
  run: async ({ input, ports }): Promise<PublishedBallot[]> => {
    const a = await loadAssembly(ports, input.communityId, input.assemblyId)
    await requirePublished(ports, a)
    const settings = votingSettings(await ports.voting.communitySettings(input.communityId))
    const units = settings.publishUnits ? await ports.voting.electorateUnits(a.id) : []
    const corrections = new Map((await ports.voting.corrections(a.id)).map((c) => [`${c.motionId}\u0000${c.voterKey}`, c]))
    const list = new Map<string, PublishedBallot>()
    for (const b of await ports.voting.ballots(a.id)) {
      let entry = list.get(b.trackingCode)
      if (!entry) {
        entry = {
          trackingCode: b.trackingCode, channel: b.channel, castAt: b.castAt,
          units: settings.publishUnits ? units.filter((u) => u.voterKey === b.voterKey).map((u) => `${u.building}${u.unitNo}`) : null,
          choices: [],
        }
        list.set(b.trackingCode, entry)
      }
      const c = corrections.get(`${b.motionId}\u0000${b.voterKey}`)
      entry.choices.push({ motionId: b.motionId, ...b.marks, ...(c ? { corrected: { to: c.marks, correctedAt: c.correctedAt } } : {}) })
    }
    return [...list.values()]
  },
})
