// Client calls for owners' assemblies.
import { call } from './cloud-client'

type Input<K extends Parameters<typeof call>[0]> = Parameters<typeof call<K>>[1]

export const fetchAssemblies = (communityId: string) => call('assembly-list', { communityId })
export const fetchAssembly = (communityId: string, assemblyId: string) => call('assembly-get', { communityId, assemblyId })
export const fetchBallotList = (communityId: string, assemblyId: string) => call('ballot-list', { communityId, assemblyId })
export const castBallot = (input: Input<'ballot-cast'>) => call('ballot-cast', input)
export const enterPaperBallot = (input: Input<'ballot-paper'>) => call('ballot-paper', input)
export const callAssembly = (input: Input<'assembly-call'>) => call('assembly-call', input)
export const closeAssembly = (communityId: string, assemblyId: string) => call('assembly-close', { communityId, assemblyId })
export const certifyAssembly = (communityId: string, assemblyId: string) => call('assembly-certify', { communityId, assemblyId })
export const fileObjection = (input: Input<'objection-file'>) => call('objection-file', input)
export const resolveObjection = (input: Input<'objection-resolve'>) => call('objection-resolve', input)
export const grantProxy = (input: Input<'proxy-grant'>) => call('proxy-grant', input)
export const revokeProxy = (input: Input<'proxy-revoke'>) => call('proxy-revoke', input)
export const findProxy = (input: Input<'proxy-find'>) => call('proxy-find', input)
export const fetchExport = (communityId: string, assemblyId: string) => call('assembly-export', { communityId, assemblyId })
