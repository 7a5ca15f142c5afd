/**
 * What a server action answers, shared by the actions (app/) and the forms that show the answer
 * (components/), which may not import from app/: the types live below both.
 */
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

/** The sign-in and sign-up forms' state: the result, and what to put back in the fields. */
export interface AuthFormState {
  result?: ActionResult<undefined>;
  values?: { email?: string; name?: string };
}

/**
 * A server action as a form receives it: from the page, as a prop (components/ may not import
 * app/; the page, which may, hands the action down, as Next.js passes server actions to client
 * components).
 */
export type FormAction<S, P = FormData> = (state: S, payload: P) => Promise<S>;

/** A server action as `authedAction` builds it: any earlier state, a form or a plain object. */
export type ServerAction<T> = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<T>>;

/** A server action called from code (not a form's `action`), handed down as a prop like FormAction. */
export type ActionCall<I, T = unknown> = (prev: null, input: I) => Promise<ActionResult<T>>;
