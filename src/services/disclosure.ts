// Client calls for quarterly disclosure.
import { call } from './cloud-client'

type Input<K extends Parameters<typeof call>[0]> = Parameters<typeof call<K>>[1]

export const fetchDisclosureSettings = (communityId: string) => call('disclosure-settings', { communityId })
export const setFeeModel = (input: Input<'disclosure-settings-set'>) => call('disclosure-settings-set', input)
export const fetchQuarters = (communityId: string) => call('report-quarters', { communityId, limit: 8 })
export const fetchReport = (communityId: string, quarter: string, version?: number) => call('report-detail', { communityId, quarter, ...(version ? { version } : {}) })
export const fetchDraft = (communityId: string, quarter: string) => call('report-draft', { communityId, quarter })
export const saveDraft = (input: Input<'report-draft-save'>) => call('report-draft-save', input)
export const importReportFile = (input: Input<'report-import'>) => call('report-import', input)
export const fetchReportTemplate = (communityId: string) => call('report-template', { communityId })
export const attachToReport = (input: Input<'report-attach'>) => call('report-attach', input)
export const publishReport = (input: Input<'report-publish'>) => call('report-publish', input)
export const askAboutLine = (input: Input<'report-ask'>) => call('report-ask', input)
export const answerQuestion = (input: Input<'report-answer'>) => call('report-answer', input)
export const fetchDisclosureWatch = (communityId: string) => call('disclosure-watch', { communityId })
