// What the applicant sees of their own request (no one else's name in it).
import type { VerificationView } from '../../contracts/roll'
import type { VerificationRequest } from './roll-ports'

export const toVerificationView = (r: VerificationRequest): VerificationView => ({
  id: r.id, building: r.building, unitNo: r.unitNo, status: r.status, reason: r.reason, createdAt: r.createdAt, decidedAt: r.decidedAt,
})
