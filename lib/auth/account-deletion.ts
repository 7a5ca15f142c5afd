/**
 * What stands in the way of deleting an account (issue 17), in words. Pure: the query finds the
 * classes and decks; this says what to do about them.
 */
export interface DeletionBlockers {
  /** Classes the user teaches that are not archived: their students would lose them. */
  classes: { id: number; name: string }[];
  /** Decks the user wrote: other people's classes and progress depend on them. */
  decks: { id: string; title: string }[];
}

export function hasBlockers(b: DeletionBlockers): boolean {
  return b.classes.length > 0 || b.decks.length > 0;
}

const list = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** One sentence per kind of blocker, naming each one. */
export function describeBlockers(b: DeletionBlockers): string[] {
  const lines: string[] = [];
  if (b.classes.length > 0) {
    const one = b.classes.length === 1;
    lines.push(`Archive the ${one ? 'class' : `${b.classes.length} classes`} you teach first: ${list(b.classes.map((c) => c.name))}.`);
  }
  if (b.decks.length > 0) {
    const one = b.decks.length === 1;
    lines.push(
      `${one ? 'A deck you wrote needs' : `${b.decks.length} decks you wrote need`} a new owner first (ask your administrator to hand ${one ? 'it' : 'them'} over): ${list(b.decks.map((d) => d.title))}.`,
    );
  }
  return lines;
}

export const DELETION_BLOCKED = 'Your account cannot be deleted yet.';
export const WRONG_PASSWORD = 'That is not your password.';
