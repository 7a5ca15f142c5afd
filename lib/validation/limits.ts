/** Limits shown in forms as well as enforced on the server (no zod here: imported by client components). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const EMAIL_MAX = 254;
/** The longest typed answer kept with a review grade (lib/validation/reviews.ts; the review screen cuts to it). */
export const TYPED_ANSWER_MAX = 200;
/**
 * The rule for a new password in the words both forms show (sign-up, change password); the server
 * enforces it in lib/validation/auth.ts (length) and lib/auth/password-strength.ts (guessability).
 */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN} characters, and not easy to guess: no common passwords, names or runs like 1234567890. A short sentence of unrelated words is easy to remember.`;
/** The most options a choice card has (lib/content/schema.ts: multiple choice has 3 to 5; true/false 2). */
export const CHOICE_OPTIONS_MAX = 5;
