// The committee answers an owner's question, once; the answer is public and
// goes into the audit chain.
import { AppError } from '../../domain/errors'
import { reportAnswerInput, type QuestionView } from '../../contracts/disclosure'
import { defineFunction, requireCaller } from '../kit/handler'
import { questionView } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-answer',
  input: reportAnswerInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, caller, ports, now }): Promise<QuestionView> => {
    const actor = requireCaller(caller)
    const q = await ports.disclosure.answer(
      { communityId: input.communityId, id: input.questionId, answer: input.answer, by: actor.person.id, at: now },
      { communityId: input.communityId, actorId: actor.person.id, action: 'report.answer', subject: `question:${input.questionId}`, data: { questionId: input.questionId, answer: input.answer } },
    )
    if (!q) throw new AppError('NOT_FOUND', '没有这个问题')
    return questionView(q, now)
  },
})
