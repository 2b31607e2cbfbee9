// Attaches an uploaded photo or PDF (a bank statement, an invoice) to a draft;
// it is published with the report and never changes afterwards.
import { AppError } from '../../domain/errors'
import { reportAttachInput, type ReportDraftView } from '../../contracts/disclosure'
import { assertNotFuture } from '../../domain/disclosure/quarter'
import { defineFunction, requireCaller } from '../kit/handler'
import { draftView } from '../kit/disclosure-service'

export const main = defineFunction({
  name: 'report-attach',
  input: reportAttachInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, caller, ports, now }): Promise<ReportDraftView> => {
    const actor = requireCaller(caller)
    assertNotFuture(input.quarter, now)
    const meta = await ports.files.meta(input.fileId)
    if (!meta || meta.communityId !== input.communityId) throw new AppError('REPORT.FILE_NOT_FOUND', '找不到这个附件，请重新上传', { fileId: input.fileId })
    if (meta.purpose === 'spreadsheet' || !['jpeg', 'png', 'webp', 'pdf'].includes(meta.kind)) throw new AppError('REPORT.ATTACHMENT_KIND', '附件只能是照片或 PDF（对账单、发票等）', { kind: meta.kind })
    const view = await draftView(ports, input.communityId, input.quarter)
    if (view.report.attachments.some((a) => a.fileId === meta.id)) return view
    if (view.report.attachments.length >= 30) throw new AppError('REPORT.TOO_MANY_ATTACHMENTS', '每份报告最多 30 个附件')
    const report = { ...view.report, attachments: [...view.report.attachments, { fileId: meta.id, name: meta.name, kind: meta.kind }] }
    await ports.disclosure.saveDraft({ communityId: input.communityId, quarter: input.quarter, report, by: actor.person.id, at: now })
    return draftView(ports, input.communityId, input.quarter)
  },
})
