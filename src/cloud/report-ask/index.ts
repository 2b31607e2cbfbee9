// An owner asks about one line of the newest published version; the question
// and its answer are public to every member.
import { AppError } from '../../domain/errors'
import { reportLines } from '../../domain/disclosure/lines'
import { quarterLabel } from '../../domain/disclosure/quarter'
import { reportAskInput, type QuestionView } from '../../contracts/disclosure'
import { defineFunction, requireCaller } from '../kit/handler'
import { questionView } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-ask',
  input: reportAskInput,
  access: { kind: 'community', roles: ['owner'] },
  run: async ({ input, caller, ports, now }): Promise<QuestionView> => {
    const actor = requireCaller(caller)
    const versions = await ports.disclosure.versions(input.communityId, input.quarter)
    const latest = versions[versions.length - 1]
    if (!latest) throw new AppError('NOT_FOUND', `${quarterLabel(input.quarter)}的报告尚未发布`)
    const line = reportLines(latest.report).find((l) => l.key === input.lineKey)
    if (!line) throw new AppError('REPORT.NO_SUCH_LINE', '报告中没有这一项，请在报告里点选要提问的项目', { lineKey: input.lineKey })
    const q = await ports.disclosure.ask({ communityId: input.communityId, quarter: input.quarter, version: latest.version, lineKey: line.key, lineLabel: line.label, by: actor.person.id, text: input.text, at: now })
    return questionView(q, now)
  },
})
