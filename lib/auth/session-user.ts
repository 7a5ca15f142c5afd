/** Who a request belongs to, as every layer sees it (the roles are the users table's enum). */
export const ROLES = ['student', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** The user of this request, with the server-side session the request belongs to. */
export interface SignedInUser extends SessionUser {
  sessionId: string;
}
