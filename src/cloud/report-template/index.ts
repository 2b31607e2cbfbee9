// The spreadsheet template for a quarter's figures, with example rows that balance.
import { reportTemplateCsv } from '../../domain/disclosure/import'
import { reportTemplateInput, type ReportTemplate } from '../../contracts/disclosure'
import { defineFunction } from '../kit/handler'

export const main = defineFunction({
  name: 'report-template',
  input: reportTemplateInput,
  access: { kind: 'community', roles: ['property', 'committee'] },
  run: async (): Promise<ReportTemplate> => ({ fileName: '季度公开报告模板.csv', csv: `\ufeff${reportTemplateCsv()}` }),
})
