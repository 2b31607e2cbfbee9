// The roles of design.md. Owner and resident come from the roll and unit links;
// the others are appointed by the committee.

export const ROLES = ['owner', 'resident', 'captain', 'committee', 'property', 'supervisor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  owner: '业主',
  resident: '住户',
  captain: '楼长',
  committee: '业委会',
  property: '物业',
  supervisor: '监督',
}

/** Roles the committee appoints and revokes (owner/resident follow the roll). */
export const APPOINTED_ROLES: readonly Role[] = ['captain', 'committee', 'property', 'supervisor']

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s)
