import type { Role } from '../generated/prisma/enums';

const RANK: Record<Role, number> = { VIEWER: 1, STAFF: 2, ADMIN: 3 };

export const ROLES: readonly Role[] = ['ADMIN', 'STAFF', 'VIEWER'];

/** Roles are ordered: an admin can do what staff can, staff what a viewer can. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Viewers read campaigns and reports; the people behind them stay private to
 * those who message them: a viewer sees a contact's name with the phone number
 * masked, and no e-mail address, custom fields or message texts.
 */
export function seesPersonalData(role: Role): boolean {
  return roleAtLeast(role, 'STAFF');
}
