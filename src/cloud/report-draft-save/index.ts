// Saves the figures of a draft (it need not balance yet; the answer lists
// what does not). Refused before anything is written: fractions of a fen and
// negative amounts (schema), a future quarter, a withdrawal naming a motion
// that failed, is not about the repair fund, or belongs to another community.
import { reportDraftSaveInput, type ReportDraftView } from '../../contracts/disclosure'
import { assertNotFuture } from '../../domain/disclosure/quarter'
import { defineFunction, requireCaller } from '../kit/handler'
import { checkedDecisions, draftView, withServerFigures } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-draft-save',
  input: reportDraftSaveInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, caller, ports, now }): Promise<ReportDraftView> => {
    const actor = requireCaller(caller)
    assertNotFuture(input.quarter, now)
    const report = await withServerFigures(ports, input.communityId, input.report)
    await checkedDecisions(ports, input.communityId, report)
    await ports.disclosure.saveDraft({ communityId: input.communityId, quarter: input.quarter, report, by: actor.person.id, at: now })
    return draftView(ports, input.communityId, input.quarter)
  },
})
