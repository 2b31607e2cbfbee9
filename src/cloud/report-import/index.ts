// The figures of a quarter from the committee's spreadsheet (CSV in UTF-8 or
// GBK, or XLSX). Every unreadable row is listed with its number and why, and
// then nothing is saved; a readable sheet replaces the draft's figures (the
// draft's attachments and note stay).
import { AppError } from '../../domain/errors'
import { importReport } from '../../domain/disclosure/import'
import { assertNotFuture } from '../../domain/disclosure/quarter'
import { reportImportInput, type ReportImportOutput } from '../../contracts/disclosure'
import { defineFunction, requireCaller } from '../kit/handler'
import { checkedDecisions, draftView, withServerFigures } from '../kit/disclosure-service'
import { readSpreadsheet } from '../kit/spreadsheet'

export const main = defineFunction({
  name: 'report-import',
  input: reportImportInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async ({ input, caller, ports, now }): Promise<ReportImportOutput> => {
    const actor = requireCaller(caller)
    assertNotFuture(input.quarter, now)
    const meta = await ports.files.meta(input.fileId)
    if (!meta || meta.communityId !== input.communityId || meta.purpose !== 'spreadsheet') throw new AppError('REPORT.FILE_NOT_FOUND', '找不到这份表格，请重新上传', { fileId: input.fileId })
    const bytes = await ports.files.read(input.fileId)
    if (!bytes) throw new AppError('REPORT.FILE_NOT_FOUND', '找不到这份表格，请重新上传', { fileId: input.fileId })
    const sheet = await readSpreadsheet(bytes, meta.name)
    const parsed = importReport(sheet.rows, { basis: 'unit', divisor: 0 })
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 3).map((p) => `第 ${p.row} 行：${p.message}`).join('；')
      throw new AppError('REPORT.IMPORT_ROWS', `表格有 ${parsed.problems.length} 处需要修改，未导入任何数据。${shown}${parsed.problems.length > 3 ? '……' : ''}`, { problems: parsed.problems })
    }
    const existing = await ports.disclosure.draft(input.communityId, input.quarter)
    const report = await withServerFigures(ports, input.communityId, { ...parsed.report, attachments: existing?.report.attachments ?? [], note: existing?.report.note ?? '' })
    await checkedDecisions(ports, input.communityId, report)
    await ports.disclosure.saveDraft({ communityId: input.communityId, quarter: input.quarter, report, by: actor.person.id, at: now })
    return { ...(await draftView(ports, input.communityId, input.quarter)), rows: parsed.rows }
  },
})
