// The committee uploads a roll spreadsheet and sees what it would import:
// totals by the legal rule and every bad row with its reason. Stores nothing.
import { rollPreviewInput, ROLL_PROBLEMS_SHOWN, type RollPreviewOutput } from '../../contracts/roll'
import { defineFunction } from '../kit/handler'
import { readRollFile } from '../kit/roll-file'

export const main = defineFunction({
  name: 'roll-preview',
  input: rollPreviewInput,
  access: { kind: 'community', roles: ['committee'] },
  run: async ({ input, ports }): Promise<RollPreviewOutput> => {
    const { file, sheet, preview, fingerprint } = await readRollFile(ports, input.communityId, input.fileId)
    const versions = await ports.rollAdmin.versions(input.communityId)
    const latest = versions[0] ?? null
    return {
      fileId: file.id,
      fileName: file.name,
      format: sheet.format,
      encoding: sheet.encoding ?? null,
      sheetName: sheet.sheetName ?? null,
      headerRow: preview.headerRow,
      columns: preview.columns.map(({ title, header, column }) => ({ title, header, column })),
      ignoredColumns: preview.ignoredColumns,
      rowsRead: preview.rowsRead,
      summary: preview.summary,
      problems: preview.problems,
      problemCount: preview.problemCount,
      problemCounts: preview.problemCounts,
      badRows: preview.badRows,
      warnings: preview.warnings.slice(0, ROLL_PROBLEMS_SHOWN),
      committable: preview.committable,
      sameAsVersion: latest && preview.committable && latest.sourceSha256 === fingerprint ? latest.version : null,
      latestVersion: latest?.version ?? null,
    }
  },
})
