/** Limits shown in forms as well as enforced on the server (no zod here: imported by client components). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const EMAIL_MAX = 254;
