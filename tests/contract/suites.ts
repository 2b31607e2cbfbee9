// Every port's contract; each capability adds its own `<area>.contract.ts`
// and one line here, and every adapter runner picks it up.
import { auditContract } from './audit.contract'
import { captainsContract } from './captains.contract'
import { filesContract } from './files.contract'
import { identityContract } from './identity.contract'
import { notificationsContract } from './notifications.contract'
import { repairsContract } from './repairs.contract'
import { rolesContract } from './roles.contract'
import { rollContract } from './roll.contract'
import { rollImportContract } from './roll-import.contract'
import { disclosureContract } from './disclosure.contract'
import { votingContract } from './voting.contract'
import type { ContractTarget } from './target'

export const CONTRACTS: ReadonlyArray<(target: ContractTarget) => void> = [
  identityContract,
  rolesContract,
  rollContract,
  auditContract,
  filesContract,
  notificationsContract,
  rollImportContract,
  disclosureContract,
  captainsContract,
  repairsContract,
  votingContract,
]

export function runContracts(target: ContractTarget): void {
  for (const contract of CONTRACTS) contract(target)
}
