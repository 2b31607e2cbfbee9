// The roll template the committee fills in: header, two example rows, and a
// hint per column for the import page.
import { ROLL_COLUMNS, rollTemplateCsv } from '../../domain/roll-import'
import { rollTemplateInput, type RollTemplateOutput } from '../../contracts/roll'
import { defineFunction } from '../kit/handler'
import { ROLL_TEMPLATE_FILE_NAME } from '../kit/spreadsheet'

export const main = defineFunction({
  name: 'roll-template',
  input: rollTemplateInput,
  access: { kind: 'community', roles: ['committee', 'supervisor'] },
  run: async (): Promise<RollTemplateOutput> => ({
    fileName: ROLL_TEMPLATE_FILE_NAME,
    // The same bytes as rollTemplateBytes(): a BOM, so Excel in Chinese reads UTF-8.
    csv: `\ufeff${rollTemplateCsv()}`,
    columns: ROLL_COLUMNS.map((c) => ({ title: c.title, required: c.required, hint: c.hint })),
  }),
})
