// Owners' questions on a report line: answered by the committee, public to
// owners; one unanswered for more than a week is overdue and shown to the
// supervisors.
export const OVERDUE_DAYS = 7
const DAY = 24 * 3600 * 1000

/** Whole days a question has waited (until now, or until it was answered). */
export const questionAgeDays = (askedAt: number, answeredAt: number | null, now: number): number => Math.max(0, Math.floor(((answeredAt ?? now) - askedAt) / DAY))

export const isOverdue = (askedAt: number, answeredAt: number | null, now: number): boolean => answeredAt === null && now - askedAt > OVERDUE_DAYS * DAY
