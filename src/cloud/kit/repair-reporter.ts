// The reporter's own commands (confirm and rate, reopen, urge): only the
// person who reported may issue them.
import { AppError } from '../../domain/errors'
import type { RepairCommand } from '../../domain/repairs/request'
import type { RepairChangeOutput } from '../../contracts/repairs'
import type { Caller } from './handler'
import type { Ports } from './ports'
import { detailOf, loadVisible, runCommand, viewerOf } from './repair-use-cases'

export async function reporterCommand(ports: Ports, caller: Caller, communityId: string, id: string, cmd: RepairCommand, now: number): Promise<RepairChangeOutput> {
  const viewer = await viewerOf(ports, caller, communityId)
  const r = await loadVisible(ports, viewer, communityId, id)
  if (r.reporterId !== viewer.personId) throw new AppError('REPAIR.NOT_REPORTER', '只有报修人本人可以确认、评价、重开或催单')
  return detailOf(ports, await runCommand(ports, r, cmd, viewer.personId, now), viewer, now)
}
