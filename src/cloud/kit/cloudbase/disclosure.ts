// Quarterly disclosure on CloudBase, answering exactly as the SQLite adapter
// (sqlite/disclosure.ts) does: same refusals, same ordering, same shapes.
//
// Published versions. CloudBase has no triggers, so immutability is kept by
// how this adapter writes: a version is only ever added, under the _id
// community|quarter|version (ids.reportVersion), in one transaction with its
// audit entry; the database refuses a second report with that number
// (REPORT.VERSION_TAKEN) and nothing here sets, updates or removes a version
// document. A correction is the next number, added beside the first. The
// collection's permission (no client reads or writes) keeps everyone else
// out; the chain entry carries the figures' hash for anyone to check.
//
// The newest version of each quarter is kept in report_quarters (one small
// document per published quarter, moved in the publishing transaction), so
// listing the newest quarters needs neither a scan of every version nor an
// aggregation operator the SDK surface lacks.
//
// Questions are numbered per community by a counter document moved in the
// transaction that adds the question (concurrent askers conflict there and
// are retried). An answer is written once: the transaction
// re-reads the question, and two answers at once both write it, so the
// second is retried and finds it answered.
import type { MotionDecision } from '../../../domain/disclosure/trace'
import { alreadyAnswered, versionTaken, type DisclosurePort, type PublishedVersion, type QuestionRecord } from '../disclosure-port'
import { toMotionDecision } from '../rows'
import { appendAudit, CHAIN_ATTEMPTS, chainTransaction } from './audit'
import {
  COLLECTIONS, ids,
  type AssemblyDoc, type DisclosureSettingsDoc, type MotionDecisionDoc, type MotionDoc, type PersonDoc, type QuestionCounterDoc,
  type ReportDraftDoc, type ReportQuarterDoc, type ReportQuestionDoc, type ReportVersionDoc, type ResultDoc,
} from './collections'
import { getOrNull, isDuplicateWrite } from './errors'
import { chunks, fetchAll, MAX_PAGE } from './paging'
import type { Database } from './sdk'

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * What the SQL tables' CHECK refuses: a number below 1, or a correction
 * (any later version) that does not say why. The function checks it first
 * with its own words; this stops any other caller.
 */
function checkVersion(version: number, reason: string | null): void {
  if (!Number.isInteger(version) || version < 1) throw new Error(`report version ${version} is not a number from 1`)
  if (version > 1 && !reason?.trim()) throw new Error(`report version ${version} is a correction and must state its reason`)
}

export function cloudbaseDisclosure(db: Database): DisclosurePort {
  const _ = db.command
  const col = <T>(name: string) => db.collection<T>(name)

  /** Names of people by id, as the SQL adapters join them at read time (null for someone unknown). */
  async function namesOf(personIds: Iterable<string | null>): Promise<Map<string, string>> {
    const names = new Map<string, string>()
    for (const part of chunks([...new Set([...personIds].filter((id): id is string => id !== null))])) {
      const { data } = await col<PersonDoc>(COLLECTIONS.people).where({ _id: _.in(part) }).limit(MAX_PAGE).get()
      for (const p of data) names.set(p._id, p.name)
    }
    return names
  }

  async function toVersions(docs: ReportVersionDoc[]): Promise<PublishedVersion[]> {
    const names = await namesOf(docs.map((d) => d.publishedBy))
    return docs.map((d) => ({
      communityId: d.communityId, quarter: d.quarter, version: d.version, feeModel: d.feeModel, report: JSON.parse(d.body), reason: d.reason,
      publishedBy: d.publishedBy, publishedByName: names.get(d.publishedBy) ?? null, publishedAt: d.publishedAt, auditSeq: d.auditSeq,
    }))
  }

  async function toQuestions(docs: ReportQuestionDoc[]): Promise<QuestionRecord[]> {
    const names = await namesOf(docs.flatMap((d) => [d.askedBy, d.answeredBy]))
    return docs.map((d) => ({
      id: d.id, quarter: d.quarter, version: d.version, lineKey: d.lineKey, lineLabel: d.lineLabel, askedBy: d.askedBy, askerName: names.get(d.askedBy) ?? null, text: d.text,
      askedAt: d.askedAt, answer: d.answer, answeredBy: d.answeredBy, answererName: d.answeredBy === null ? null : names.get(d.answeredBy) ?? null, answeredAt: d.answeredAt,
    }))
  }

  /** Questions in the order they were asked (ties by number), read in pages of 100. */
  const questionsWhere = async (where: Record<string, unknown>) => {
    const docs = await fetchAll(() => col<ReportQuestionDoc>(COLLECTIONS.reportQuestions).where(where).orderBy('askedAt', 'asc').orderBy('id', 'asc'))
    return toQuestions(docs.sort((x, y) => x.askedAt - y.askedAt || x.id - y.id))
  }

  return {
    async feeModel(communityId) {
      return (await getOrNull(col<DisclosureSettingsDoc>(COLLECTIONS.disclosureSettings).doc(communityId)))?.feeModel ?? null
    },

    setFeeModel: ({ communityId, feeModel, by, at }, audit) =>
      chainTransaction(db, async (t) => {
        await t.collection<DisclosureSettingsDoc>(COLLECTIONS.disclosureSettings).doc(communityId).set({ data: { communityId, feeModel, setBy: by, setAt: at } })
        return (await appendAudit(t, audit, at)).seq
      }),

    async draft(communityId, quarter) {
      const d = await getOrNull(col<ReportDraftDoc>(COLLECTIONS.reportDrafts).doc(ids.reportDraft(communityId, quarter)))
      return d ? { quarter: d.quarter, report: JSON.parse(d.body), updatedBy: d.updatedBy, updatedAt: d.updatedAt } : null
    },

    async saveDraft({ communityId, quarter, report, by, at }) {
      // A draft is work in progress: saved whole, replacing the last save.
      await col<ReportDraftDoc>(COLLECTIONS.reportDrafts).doc(ids.reportDraft(communityId, quarter))
        .set({ data: { communityId, quarter, body: JSON.stringify(report), updatedBy: by, updatedAt: at } })
    },

    async publish(v, audit) {
      checkVersion(v.version, v.reason)
      const doc: ReportVersionDoc = {
        _id: ids.reportVersion(v.communityId, v.quarter, v.version), communityId: v.communityId, quarter: v.quarter, version: v.version, feeModel: v.feeModel,
        body: JSON.stringify(v.report), reason: v.reason, publishedBy: v.by, publishedAt: v.at, auditSeq: 0,
      }
      let stored: ReportVersionDoc
      try {
        stored = await chainTransaction(db, async (t) => {
          const auditSeq = (await appendAudit(t, audit, v.at)).seq
          const data = { ...doc, auditSeq }
          // Added, never set: an existing version with this number refuses it.
          await t.collection<ReportVersionDoc>(COLLECTIONS.reportVersions).add({ data })
          const quarters = t.collection<ReportQuarterDoc>(COLLECTIONS.reportQuarters)
          const pointer = await getOrNull(quarters.doc(ids.reportQuarter(v.communityId, v.quarter)))
          if (!pointer || pointer.latest < v.version) {
            await quarters.doc(ids.reportQuarter(v.communityId, v.quarter)).set({ data: { communityId: v.communityId, quarter: v.quarter, latest: v.version } })
          }
          const draft = t.collection<ReportDraftDoc>(COLLECTIONS.reportDrafts).doc(ids.reportDraft(v.communityId, v.quarter))
          if (await getOrNull(draft)) await draft.remove()
          return data
        })
      } catch (e) {
        // The version's _id was taken (its audit entry's own clash is retried
        // inside chainTransaction): the transaction wrote nothing.
        if (isDuplicateWrite(e)) throw versionTaken(v.version)
        throw e
      }
      return (await toVersions([stored]))[0]
    },

    async versions(communityId, quarter) {
      const docs = await fetchAll(() => col<ReportVersionDoc>(COLLECTIONS.reportVersions).where({ communityId, quarter }).orderBy('version', 'asc'))
      return toVersions(docs.sort((x, y) => x.version - y.version))
    },

    async latestVersions(communityId, limit) {
      // The newest quarters first, `limit` of them, 100 per request.
      const pointers: ReportQuarterDoc[] = []
      while (pointers.length < limit) {
        const size = Math.min(MAX_PAGE, limit - pointers.length)
        const { data } = await col<ReportQuarterDoc>(COLLECTIONS.reportQuarters).where({ communityId }).orderBy('quarter', 'desc').skip(pointers.length).limit(size).get()
        pointers.push(...data)
        if (data.length < size) break
      }
      const wanted = pointers.map((p) => ids.reportVersion(communityId, p.quarter, p.latest))
      const docs: ReportVersionDoc[] = []
      for (const part of chunks(wanted)) {
        docs.push(...(await col<ReportVersionDoc>(COLLECTIONS.reportVersions).where({ _id: _.in(part) }).limit(MAX_PAGE).get()).data)
      }
      return toVersions(docs.sort((x, y) => byText(y.quarter, x.quarter)))
    },

    async ask(q) {
      // The counter is one document per community: a few askers at once
      // conflict on it and the platform retries all but one. Should another
      // asker commit a number after this one read the counter, that
      // question's _id refuses ours (an error, which the platform does not
      // retry), so the whole transaction is run again from a fresh read.
      const numbered = () => db.runTransaction(async (t) => {
        // What SQL's foreign key checks: a question is on a published version.
        if (!(await getOrNull(t.collection<ReportVersionDoc>(COLLECTIONS.reportVersions).doc(ids.reportVersion(q.communityId, q.quarter, q.version))))) {
          throw new Error(`report ${q.communityId} ${q.quarter} v${q.version} was never published`)
        }
        const counters = t.collection<QuestionCounterDoc>(COLLECTIONS.questionCounters)
        const id = ((await getOrNull(counters.doc(q.communityId)))?.last ?? 0) + 1
        await counters.doc(q.communityId).set({ data: { communityId: q.communityId, last: id } })
        const data: ReportQuestionDoc = {
          _id: ids.reportQuestion(q.communityId, id), communityId: q.communityId, id, quarter: q.quarter, version: q.version, lineKey: q.lineKey, lineLabel: q.lineLabel,
          askedBy: q.by, text: q.text, askedAt: q.at, answer: null, answeredBy: null, answeredAt: null, open: true,
        }
        await t.collection<ReportQuestionDoc>(COLLECTIONS.reportQuestions).add({ data })
        return data
      }, CHAIN_ATTEMPTS)
      for (let attempt = 1; ; attempt++) {
        let doc: ReportQuestionDoc
        try {
          doc = await numbered()
        } catch (e) {
          if (!isDuplicateWrite(e) || attempt >= CHAIN_ATTEMPTS) throw e
          continue
        }
        return (await toQuestions([doc]))[0]
      }
    },

    async answer({ communityId, id, answer, by, at }, audit) {
      const doc = await chainTransaction(db, async (t) => {
        const ref = t.collection<ReportQuestionDoc>(COLLECTIONS.reportQuestions).doc(ids.reportQuestion(communityId, id))
        const current = await getOrNull(ref)
        if (!current) return null
        if (current.answer !== null) throw alreadyAnswered(id)
        await ref.update({ data: { answer, answeredBy: by, answeredAt: at, open: false } })
        await appendAudit(t, audit, at)
        return { ...current, answer, answeredBy: by, answeredAt: at, open: false }
      })
      return doc ? (await toQuestions([doc]))[0] : null
    },

    questions: (communityId, quarter) => questionsWhere({ communityId, quarter }),

    openQuestions: (communityId) => questionsWhere({ communityId, open: true }),

    async motionDecision(_communityId, motionId): Promise<MotionDecision | null> {
      // The assembly's own motions first (decided by its certified count);
      // else decisions taken before this app (paper assemblies), recorded by the committee.
      const motion = await getOrNull(col<MotionDoc>(COLLECTIONS.motions).doc(motionId))
      const assembly = motion ? await getOrNull(col<AssemblyDoc>(COLLECTIONS.assemblies).doc(motion.assemblyId)) : null
      const called = assembly?.motions.find((m) => m.id === motionId)
      if (assembly && called) {
        const certified = await getOrNull(col<ResultDoc>(COLLECTIONS.results).doc(ids.result(assembly._id, 'certified')))
        return toMotionDecision({ id: motionId, community_id: assembly.communityId, matter: called.matter, title: called.title, result: certified?.result ?? null }, undefined)
      }
      const paper = await getOrNull(col<MotionDecisionDoc>(COLLECTIONS.motionDecisions).doc(motionId))
      return toMotionDecision(undefined, paper ? { motion_id: paper._id, community_id: paper.communityId, matter: paper.matter, passed: paper.passed, title: paper.title } : undefined)
    },
  }
}
