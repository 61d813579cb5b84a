import { z } from 'zod';

export const RoleSchema = z.enum(['ADMIN', 'STAFF', 'VIEWER'], { message: 'Role must be admin, staff or viewer.' });

export const InviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.'),
  name: z.string().trim().max(120).optional(),
  role: RoleSchema,
});
export type InviteUserInput = z.infer<typeof InviteUserSchema>;

export const ChangeRoleSchema = z.object({ role: RoleSchema });

export const MembershipIdSchema = z.string().uuid('Unknown member.');
