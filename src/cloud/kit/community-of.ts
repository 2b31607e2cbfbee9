// Checks for functions a person may call before they belong to the community
// (binding a unit, filing proof): the community must exist.
import { AppError } from '../../domain/errors'
import type { Ports } from './ports'

export async function requireCommunity(ports: Ports, communityId: string): Promise<void> {
  if (!(await ports.identity.communityExists(communityId))) throw new AppError('COMMUNITY.NOT_FOUND', '找不到这个小区，请重新选择', { field: 'communityId' })
}
