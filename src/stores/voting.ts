// Assemblies as the pages see them, and the one ballot an owner is filling in.
import { create } from 'zustand'
import type { BallotReceipt } from '../contracts/voting'
import type { Choice } from '../domain/voting/tally'
import { zipTextFiles } from '../domain/zip'
import { saveFile, shareSavedFile, type SavedFile } from '../services/save-file'
import * as api from '../services/voting'
import { createResourceStore, thenReload } from './resource'

export { chooseAndUploadPhotos, photoUrl } from '../services/photos'

export const assemblyListResource = createResourceStore(api.fetchAssemblies)
export const assemblyResource = createResourceStore(api.fetchAssembly)
export const ballotListResource = createResourceStore(api.fetchBallotList)
/** People found to name as proxy, keyed by the search (by unit, or by full name). */
export const proxySearchResource = createResourceStore((communityId: string, q: { building: string; unitNo: string } | { name: string }) => api.findProxy({ communityId, ...q }))

/** After any change to an assembly, what the pages show of it is fetched again. */
async function refresh(communityId: string, assemblyId: string) {
  await Promise.all([assemblyResource.store.getState().reload(communityId, assemblyId), assemblyListResource.store.getState().reload(communityId)])
}

/** A write about one assembly that, once answered, refreshes what the pages show of it. */
const thenRefresh = <I extends { communityId: string; assemblyId: string }, R>(write: (input: I) => Promise<R>) =>
  async (input: I): Promise<R> => {
    const r = await write(input)
    await refresh(input.communityId, input.assemblyId)
    return r
  }

export const enterPaperBallot = thenRefresh(api.enterPaperBallot)
export const fileObjection = thenRefresh(api.fileObjection)
export const grantProxy = thenRefresh(api.grantProxy)
export const revokeProxy = thenRefresh(api.revokeProxy)

export type Marks = { choice: Choice } | { approve: string[] }

interface BallotDraft {
  step: 'choose' | 'review' | 'receipt'
  marks: Record<string, Marks>
  submitting: boolean
  receipt: BallotReceipt | null
  error: string | null
  choose(motionId: string, choice: Choice): void
  toggleCandidate(motionId: string, candidateId: string, seats: number): void
  review(): void
  back(): void
  submit(input: { communityId: string; assemblyId: string; ownerKey: string; motionIds: string[] }): Promise<void>
  reset(): void
}

const blank = { step: 'choose' as const, marks: {}, submitting: false, receipt: null, error: null }

export const useBallotDraft = create<BallotDraft>()((set, get) => ({
  ...blank,
  choose: (motionId, choice) => set((s) => ({ marks: { ...s.marks, [motionId]: { choice } } })),
  toggleCandidate: (motionId, candidateId, seats) =>
    set((s) => {
      const current = s.marks[motionId]
      const approve = current && 'approve' in current ? current.approve : []
      if (approve.includes(candidateId)) return { marks: { ...s.marks, [motionId]: { approve: approve.filter((c) => c !== candidateId) } } }
      // One more than the seats is not offered: the server would refuse it anyway.
      if (approve.length >= seats) return s
      return { marks: { ...s.marks, [motionId]: { approve: [...approve, candidateId] } } }
    }),
  review: () => set({ step: 'review', error: null }),
  back: () => set({ step: 'choose' }),
  async submit({ communityId, assemblyId, ownerKey, motionIds }) {
    if (get().submitting) return
    set({ submitting: true, error: null })
    try {
      const marks = get().marks
      const receipt = await api.castBallot({
        communityId, assemblyId, ownerKey,
        votes: motionIds.map((motionId) => {
          const m = marks[motionId]
          return m && 'choice' in m ? { motionId, choice: m.choice } : { motionId, approve: m && 'approve' in m ? m.approve : [] }
        }),
      })
      set({ step: 'receipt', receipt, submitting: false })
      await refresh(communityId, assemblyId)
    } catch (e) {
      set({ submitting: false, error: e instanceof Error ? e.message : String(e) })
    }
  },
  reset: () => set(blank),
}))

export const callAssembly = thenReload(api.callAssembly, assemblyListResource)

export async function countVotes(communityId: string, assemblyId: string) {
  const r = await api.closeAssembly(communityId, assemblyId)
  await refresh(communityId, assemblyId)
  return r
}

export async function certifyResult(communityId: string, assemblyId: string) {
  const r = await api.certifyAssembly(communityId, assemblyId)
  await refresh(communityId, assemblyId)
  return r
}

export async function resolveObjection(input: Parameters<typeof api.resolveObjection>[0]) {
  const r = await api.resolveObjection(input)
  // A correction shows in the ballot list as well as in the result.
  await Promise.all([refresh(input.communityId, input.assemblyId), ballotListResource.store.getState().reload(input.communityId, input.assemblyId)])
  return r
}

/** A file name without the characters file systems refuse. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60)

/**
 * The export package (roll, motions, ballots, corrections, result, audit chain)
 * as one ZIP the person keeps: anyone can recount it with `npm run tally -- DIR`.
 */
export async function downloadExport(communityId: string, assemblyId: string, title: string): Promise<SavedFile> {
  const { files } = await api.fetchExport(communityId, assemblyId)
  const zip = zipTextFiles(Object.entries(files).map(([name, text]) => ({ name, text })), Date.now())
  return saveFile(`${safeName(title)}-表决数据.zip`, zip, 'application/zip')
}

export { shareSavedFile, type SavedFile }

export function resetVotingStores() {
  for (const r of [assemblyListResource, assemblyResource, ballotListResource, proxySearchResource]) r.store.getState().reset()
  useBallotDraft.getState().reset()
}
