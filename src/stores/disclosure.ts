// Quarterly reports as pages read them, and the actions that change them.
import type { ReportDraftView } from '../contracts/disclosure'
import type { QuarterlyReport } from '../domain/disclosure/report'
import type { Problem } from '../domain/disclosure/validate'
import { CallError, upload } from '../services/cloud-client'
import {
  answerQuestion, askAboutLine, attachToReport, fetchDisclosureWatch, fetchDraft, fetchQuarters, fetchReport, fetchReportTemplate, importReportFile, publishReport, saveDraft,
} from '../services/disclosure'
import { createResourceStore } from './resource'

export const quartersResource = createResourceStore(fetchQuarters)
/** version 0: the newest. */
export const reportResource = createResourceStore((communityId: string, quarter: string, version: number) => fetchReport(communityId, quarter, version || undefined))
export const draftResource = createResourceStore(fetchDraft)
export const watchResource = createResourceStore(fetchDisclosureWatch)

export const resetDisclosureStores = () => {
  for (const r of [quartersResource, reportResource, draftResource, watchResource]) r.store.getState().reset()
}

const setDraft = (communityId: string, quarter: string, view: ReportDraftView) =>
  draftResource.store.setState((s) => ({ entries: { ...s.entries, [JSON.stringify([communityId, quarter])]: { status: 'ready', data: view, error: null } } }))

export async function saveReportDraft(communityId: string, quarter: string, report: QuarterlyReport) {
  const view = await saveDraft({ communityId, quarter, report })
  setDraft(communityId, quarter, view)
  return view
}

export type PublishOutcome = { ok: true; version: number } | { ok: false; message: string; problems: Problem[] }

/** A refusal that lists differences comes back as data, so the page can show each one beside the form. */
export async function publishQuarter(communityId: string, quarter: string, reason?: string): Promise<PublishOutcome> {
  try {
    const r = await publishReport({ communityId, quarter, ...(reason ? { reason } : {}) })
    await Promise.all([quartersResource.store.getState().reload(communityId), draftResource.store.getState().reload(communityId, quarter), reportResource.store.getState().reload(communityId, quarter, 0)])
    return { ok: true, version: r.version }
  } catch (e) {
    if (e instanceof CallError) return { ok: false, message: e.message, problems: (e.details?.problems as Problem[] | undefined) ?? [] }
    throw e
  }
}

export type ImportOutcome = { ok: true; rows: number } | { ok: false; message: string; rows: Array<{ row: number; message: string }> }

export async function importSpreadsheet(communityId: string, quarter: string, file: { path: string; name: string }): Promise<ImportOutcome> {
  try {
    const { fileId } = await upload({ communityId, purpose: 'spreadsheet', path: file.path, name: file.name })
    const view = await importReportFile({ communityId, quarter, fileId })
    setDraft(communityId, quarter, view)
    return { ok: true, rows: view.rows }
  } catch (e) {
    if (e instanceof CallError) return { ok: false, message: e.message, rows: (e.details?.problems as Array<{ row: number; message: string }> | undefined) ?? [] }
    throw e
  }
}

export async function attachFile(communityId: string, quarter: string, file: { path: string; name: string }) {
  const { fileId } = await upload({ communityId, purpose: 'document', path: file.path, name: file.name })
  setDraft(communityId, quarter, await attachToReport({ communityId, quarter, fileId }))
}

export const reportTemplate = fetchReportTemplate

export async function ask(communityId: string, quarter: string, lineKey: string, text: string) {
  const q = await askAboutLine({ communityId, quarter, lineKey, text })
  await reportResource.store.getState().reload(communityId, quarter, 0)
  return q
}

export async function answer(communityId: string, quarter: string, questionId: number, text: string) {
  const q = await answerQuestion({ communityId, questionId, answer: text })
  await reportResource.store.getState().reload(communityId, quarter, 0)
  return q
}
