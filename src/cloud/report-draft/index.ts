// Property staff or the committee open a quarter's draft: the saved one, or
// the published version to correct, or last quarter's closings carried forward.
import { reportDraftInput, type ReportDraftView } from '../../contracts/disclosure'
import { assertNotFuture } from '../../domain/disclosure/quarter'
import { defineFunction } from '../kit/handler'
import { draftView } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-draft',
  input: reportDraftInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, ports, now }): Promise<ReportDraftView> => {
    assertNotFuture(input.quarter, now)
    return draftView(ports, input.communityId, input.quarter)
  },
})
