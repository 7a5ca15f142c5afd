/**
 * The whole data model in one place: tables first, then inferred types.
 * Times are stored as integer milliseconds since the epoch (UTC); SQL names are snake_case.
 * The review log is the source of truth for memory state: card_states is a cache of replaying it.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES, type Role } from '../lib/auth/session-user';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('student'),
  // Bumped to revoke every session issued before (password change, sign out everywhere).
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: createdAt(),
  // Issue 17 (email verification): when the owner followed the mail's link (epoch ms); null = not
  // yet. Demo and admin-made accounts, and every account older than this column, count as verified.
  emailVerifiedAt: integer('email_verified_at'),
});

export const userSettings = sqliteTable('user_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  desiredRetention: real('desired_retention').notNull().default(0.9),
  newPerDay: integer('new_per_day').notNull().default(20),
  reviewsPerDay: integer('reviews_per_day').notNull().default(200),
  timeZone: text('time_zone').notNull().default('UTC'),
  rolloverHour: integer('rollover_hour').notNull().default(4),
  passFail: integer('pass_fail', { mode: 'boolean' }).notNull().default(false),
  maximumInterval: integer('maximum_interval').notNull().default(36500),
  leechThreshold: integer('leech_threshold').notNull().default(8),
  quizFeedback: text('quiz_feedback', { enum: ['immediate', 'end'] }).notNull().default('immediate'),
  // The FSRS weights in use; null means the defaults. Written only by db/queries/fsrs-parameters.ts.
  fsrsWeights: text('fsrs_weights', { mode: 'json' }).$type<number[]>(),
  // Where they come from: fitted to this student, pooled over a deck's or a class's students, or the defaults.
  fsrsSource: text('fsrs_source', { enum: ['default', 'deck', 'class', 'personal'] }).notNull().default('default'),
  // The fit (fsrs_fits.id) whose weights are in use; null with the defaults.
  fsrsFitId: integer('fsrs_fit_id'),
});

/** Failed sign-ins per key ("email:…" or "ip:…") in a sliding window. */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start').notNull(),
  lockedUntil: integer('locked_until'),
});

// --- Sessions the server can end (issue 13) ---
/**
 * One row per signed-in browser. The session token (a JWT in the cookie) carries only this id;
 * every request checks the row exists, so deleting it (sign-out, password change, "sign out
 * everywhere") ends the session at once. Times are epoch ms.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    // A short summary of the browser ("Chrome on Android"), for the list in Settings.
    userAgent: text('user_agent').notNull().default(''),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
// --- end sessions ---

// --- Password reset by email (issue 17) ---
/**
 * One row per reset link that may still be used: the SHA-256 of the token in the link (the token
 * itself is only in the mail). A row is deleted when it is used and when a later request for the
 * same account replaces it, so at most one link per account works. Times are epoch ms.
 */
export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('password_reset_tokens_user').on(t.userId)],
);
// --- end password reset ---

// --- Email verification (issue 17) ---
/** One row per verification link that may still be used; same rules as password_reset_tokens. */
export const emailVerificationTokens = sqliteTable(
  'email_verification_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('email_verification_tokens_user').on(t.userId)],
);
// --- end email verification ---

export const decks = sqliteTable('decks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  author: text('author'),
  publisher: text('publisher'),
  published: text('published'),
  sourceUrl: text('source_url'),
  description: text('description').notNull().default(''),
  // deck.yaml `context`: background from outside the reading, shown with the notes, never quizzed.
  context: text('context'),
  // null: a deck loaded from content/ that everyone can study; otherwise the instructor who wrote it.
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
});

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('sections_deck_key').on(t.deckId, t.key)],
);

export const cards = sqliteTable(
  'cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    // Stable key from the content file: the item id, plus "::cN" for each cloze deletion.
    key: text('key').notNull(),
    itemId: text('item_id').notNull(),
    type: text('type', { enum: ['basic', 'cloze', 'mcq', 'truefalse', 'typed', 'ordering'] }).notNull(),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    explanation: text('explanation'),
    evidenceQuote: text('evidence_quote'),
    evidenceRef: text('evidence_ref'),
    tags: text('tags', { mode: 'json' }).notNull().$type<string[]>().default(sql`'[]'`),
    skill: text('skill', { enum: ['recall', 'understanding'] }).notNull().default('recall'),
    contentHash: text('content_hash').notNull(),
    // Removed from the content file: hidden from new study, progress kept.
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('cards_deck_key').on(t.deckId, t.key), index('cards_deck_position').on(t.deckId, t.position)],
);

export const cardStates = sqliteTable(
  'card_states',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    due: integer('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReview: integer('last_review'),
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    leech: integer('leech', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cardId] }), index('card_states_user_due').on(t.userId, t.due)],
);

export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    // Generated by the client so a retried or duplicated submission records one review.
    clientId: text('client_id').notNull(),
    rating: integer('rating').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
    durationMs: integer('duration_ms').notNull().default(0),
    stateBefore: integer('state_before').notNull(),
    // Exact card_states row before this review (null for a new card), so undo is exact.
    snapshotBefore: text('snapshot_before', { mode: 'json' }),
    dueAfter: integer('due_after').notNull(),
    stabilityAfter: real('stability_after').notNull(),
    difficultyAfter: real('difficulty_after').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    source: text('source', { enum: ['review', 'quiz'] }).notNull().default('review'),
    // Set by undo: the row stays (append-only history) but no longer counts.
    undoneAt: integer('undone_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_logs_user_client').on(t.userId, t.clientId),
    // Covering for the progress page's per-study-day sums (db/queries/progress-activity.ts pins it
    // with INDEXED BY): a heavy learner's two years are read from the index alone (activity 30 -> 7 ms).
    index('review_logs_user_time').on(t.userId, t.reviewedAt, t.undoneAt, t.durationMs, t.stateBefore, t.rating, t.source),
    // Covering for the per-(student, card) aggregates of class analytics and replays: the
    // aggregate reads only this index, never the table rows (class of 200: 124 -> 68 ms).
    index('review_logs_user_card').on(t.userId, t.cardId, t.reviewedAt, t.undoneAt, t.stateBefore, t.rating, t.stabilityAfter),
    index('review_logs_card').on(t.cardId),
  ],
);

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    sectionKeys: text('section_keys', { mode: 'json' }).$type<string[]>(),
    cardIds: text('card_ids', { mode: 'json' }).notNull().$type<number[]>(),
    feedback: text('feedback', { enum: ['immediate', 'end'] }).notNull().default('immediate'),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    correctCount: integer('correct_count').notNull().default(0),
    questionCount: integer('question_count').notNull(),
  },
  (t) => [index('quiz_attempts_user').on(t.userId, t.startedAt)],
);

export const quizAnswers = sqliteTable(
  'quiz_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    response: text('response', { mode: 'json' }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at').notNull(),
    reviewLogId: integer('review_log_id').references(() => reviewLogs.id),
    // Issue 11 (hardening): a typed answer's verdict as the checker gave it when answered, so the
    // feedback shown later is that verdict, not today's checker's (null: an exact match, or older rows).
    acceptedAs: text('accepted_as'),
    acceptedRule: text('accepted_rule'),
  },
  (t) => [uniqueIndex('quiz_answers_attempt_card').on(t.attemptId, t.cardId), index('quiz_answers_card').on(t.cardId)],
);

export const classes = sqliteTable(
  'classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // 10 characters from a 32-letter alphabet (lib/teach/join-code.ts); renewing it replaces it.
    joinCode: text('join_code').notNull().unique(),
    timeZone: text('time_zone').notNull().default('UTC'),
    archivedAt: integer('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('classes_instructor').on(t.instructorId)],
);

export const enrollments = sqliteTable(
  'enrollments',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('enrollments_user').on(t.userId)],
);

// Students an instructor removed from a class (issue 16): they cannot rejoin with the code or link
// until the instructor lets them back in (which deletes the row). Additive: enrolments are unchanged.
export const classRemovals = sqliteTable(
  'class_removals',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    removedAt: integer('removed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] })],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    // null: the whole deck.
    sectionKeys: text('section_keys', { mode: 'json' }).$type<string[]>(),
    // An instant (ms); the form reads the date and time in the class's time zone.
    dueAt: integer('due_at').notNull(),
    // Best finished quiz on the deck to reach by the due date, in percent (0–100); null = no quiz goal.
    goalQuizScore: real('goal_quiz_score'),
    // Mean predicted recall (FSRS retrievability) at the due date over the assigned cards, 0–1; null = no memory goal.
    goalRecall: real('goal_recall'),
    createdAt: createdAt(),
    // ── The assignment's own quiz (issue 16): only its attempts count toward the quiz goal. ──
    // Sections it draws from; null = the assignment's sections.
    quizSectionKeys: text('quiz_section_keys', { mode: 'json' }).$type<string[]>(),
    // Questions per attempt; null = every matching question.
    quizQuestions: integer('quiz_questions'),
    // Question types it draws (lib/quiz/present QUIZ_TYPES); null = all of them.
    quizTypes: text('quiz_types', { mode: 'json' }).$type<string[]>(),
    // Attempts each student may take; null = as many as they like.
    quizAttempts: integer('quiz_attempts'),
    // Answers shown after each question ('immediate') or at the end.
    quizFeedback: text('quiz_feedback', { enum: ['immediate', 'end'] }).notNull().default('end'),
  },
  (t) => [index('assignments_class').on(t.classId)],
);

// Which quiz attempts are attempts of an assignment's quiz (issue 16): only these count toward its
// goal, the dashboard and the gradebook. A practice quiz has no row. `legacy` marks the attempts
// taken before assignment quizzes existed that the backfill migration counted (see 0008).
export const assignmentQuizAttempts = sqliteTable(
  'assignment_quiz_attempts',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    legacy: integer('legacy', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.attemptId] }), index('assignment_quiz_attempts_attempt').on(t.attemptId)],
);

// ── Typed answers in review sessions (issues 11 and 16) ─────────────────────────────────────
// Every answer typed in a review session with the server checker's verdict (correct), and for a
// wrong one whether the student overruled it ("I was right"): what instructors read to add fair
// answers to their decks, and the review half of a typed item's response analysis and facility.
// correct is NULL on rows kept before migration 0019, when only wrong answers were: wrong, but left
// out of the review facility (the right answers of that time are missing).
// Quiz answers live in quiz_answers. Additive: nothing else refers to this table.
export const typedAnswers = sqliteTable(
  'typed_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(),
    correct: integer('correct', { mode: 'boolean' }),
    overruled: integer('overruled', { mode: 'boolean' }).notNull().default(false),
    answeredAt: integer('answered_at').notNull(),
    // Issue 11 (hardening): the grade it came with (review_logs.client_id), so a re-sent grade records it once.
    clientId: text('client_id'),
  },
  (t) => [index('typed_answers_card').on(t.cardId, t.userId), uniqueIndex('typed_answers_user_client').on(t.userId, t.clientId)],
);

// ── Overrules of quiz answers (issues 11 and 16) ──────────────────────────────────────────────
// A student's "I was right" on a typed quiz answer marked wrong. In a practice quiz it is accepted
// at once; in an attempt of an assignment's quiz it is a request (status 'pending') that only the
// class's instructor accepts (the answer is re-scored) or declines. One per quiz answer.
export const quizOverrules = sqliteTable(
  'quiz_overrules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quizAnswerId: integer('quiz_answer_id')
      .notNull()
      .unique()
      .references(() => quizAnswers.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The assignment whose quiz the attempt belongs to; null for a practice quiz.
    assignmentId: integer('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'accepted', 'declined'] }).notNull(),
    requestedAt: integer('requested_at').notNull(),
    decidedAt: integer('decided_at'),
    // The instructor who decided (null: accepted at once in a practice quiz).
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('quiz_overrules_assignment').on(t.assignmentId, t.status)],
);

// Every FSRS fit tried, adopted or not, for one student ('user'), a deck's students ('deck') or a
// class's ('class'): what the settings page and `npm run fsrs:fit` report, and where pools are kept
// (a pool's weights are those of its latest adopted fit).
export const fsrsFits = sqliteTable(
  'fsrs_fits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope', { enum: ['user', 'deck', 'class'] }).notNull(),
    // users.id or classes.id; a deck's (text) id goes in scopeKey.
    scopeId: integer('scope_id'),
    scopeKey: text('scope_key'),
    adopted: integer('adopted', { mode: 'boolean' }).notNull(),
    reason: text('reason', { enum: ['too_little_history', 'better', 'not_better'] }).notNull(),
    // The weights adopted (null when the fit was not adopted).
    weights: text('weights', { mode: 'json' }).$type<number[]>(),
    items: integer('items').notNull(),
    trainItems: integer('train_items').notNull(),
    testItems: integer('test_items').notNull(),
    logLossBefore: real('log_loss_before'),
    rmseBefore: real('rmse_before'),
    logLossAfter: real('log_loss_after'),
    rmseAfter: real('rmse_after'),
    // Reviews in the history at fit time: the refit reminder compares with today's count.
    reviews: integer('reviews').notNull(),
    durationMs: integer('duration_ms').notNull(),
    fittedAt: integer('fitted_at').notNull(),
  },
  (t) => [index('fsrs_fits_scope').on(t.scope, t.scopeId, t.scopeKey, t.fittedAt)],
);

// --- issue 15 follow-up: where a student's running fit is ---------------------------------------
// One row per student while their fit runs (deleted when it ends): any app server can answer the
// settings page's progress poll, and a second fit for the same student is refused while one runs.
// A row not updated for a while belongs to a server that died mid-fit and counts as ended.
export const fsrsFitRuns = sqliteTable('fsrs_fit_runs', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  phase: text('phase', { enum: ['fitting', 'checking', 'replaying'] }).notNull(),
  done: integer('done').notNull(),
  total: integer('total').notNull(),
  startedAt: integer('started_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
// --- end of issue 15 follow-up ---------------------------------------------------------------------

// --- issue 17: invitations by roster ---------------------------------------------------------------
// One row per invited address and class while the invitation is open: accepting or revoking it
// deletes the row, and re-sending replaces the token (the old link dies). The link's token is kept
// only as its SHA-256. sent_at is null until a mail went out; send_failed marks a mail that did not
// (retryable: re-sending issues a new token and tries again).
export const classInvitations = sqliteTable(
  'class_invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: integer('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    sentAt: integer('sent_at'),
    sendFailed: integer('send_failed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('class_invitations_class_email').on(t.classId, t.email)],
);
// --- end of issue 17 --------------------------------------------------------------------------------
// --- Extensions and co-instructors (issue 17) ---------------------------------------------------
// A later due date for one student on one assignment (Moodle's user overrides). The date a student
// works to is the later of the assignment's and theirs: db/queries/extensions.ts holds that rule.
export const assignmentExtensions = sqliteTable(
  'assignment_extensions',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dueAt: integer('due_at').notNull(),
    grantedBy: integer('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: integer('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_extensions_user').on(t.userId)],
);

// Instructors who teach a class beside its owner (classes.instructor_id), with the same rights on
// it except archiving and removing co-instructors. db/queries/access.ts holds the "teaches" rule.
export const classInstructors = sqliteTable(
  'class_instructors',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_instructors_user').on(t.userId)],
);
// --- end extensions and co-instructors ------------------------------------------------------------
// --- issue 16 item 4: students report a card ----------------------------------------------------
// A student's "Report a problem" on a card (in a review session or a quiz): a reason and a short
// note. The deck's owner replies and marks it fixed or dismissed; the student then sees the answer
// once (seen_at). At most one open report per student and card (a partial unique index): a second
// report updates the open one. Additive: nothing else refers to this table.
export const cardReports = sqliteTable(
  'card_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: ['wrong', 'unclear', 'typo', 'other'] }).notNull(),
    note: text('note'),
    source: text('source', { enum: ['review', 'quiz'] }).notNull(),
    status: text('status', { enum: ['open', 'fixed', 'dismissed'] }).notNull().default('open'),
    reply: text('reply'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    handledAt: integer('handled_at'),
    handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
    // When the student saw that it was handled (null: not yet, so Today still tells them).
    seenAt: integer('seen_at'),
  },
  (t) => [
    uniqueIndex('card_reports_one_open').on(t.userId, t.cardId).where(sql`status = 'open'`),
    index('card_reports_card').on(t.cardId, t.status),
    index('card_reports_user').on(t.userId, t.status),
  ],
);
// --- end of issue 16 item 4 ------------------------------------------------------------------------
// --- issue 16 item 3: the option a student chose in a review session --------------------------------
// The option of a multiple-choice (original option index) or true/false card (0 = True, 1 = False)
// chosen in a review session, with the verdict it got then: the review half of the instructor's
// response analysis (quiz answers keep theirs in quiz_answers). Written with its grade, once per
// grade (the grade's client id), removed when the grade is undone. Additive: nothing refers to it.
export const reviewChoices = sqliteTable(
  'review_choices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    choice: integer('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [index('review_choices_card').on(t.cardId, t.userId), uniqueIndex('review_choices_user_client').on(t.userId, t.clientId)],
);
// --- end of issue 16 item 3 ---------------------------------------------------------------------------

export type User = typeof users.$inferSelect;
export type { Role };
export type UserSettings = typeof userSettings.$inferSelect;
export type Deck = typeof decks.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Card = typeof cards.$inferSelect;
export type CardStateRow = typeof cardStates.$inferSelect;
export type ReviewLog = typeof reviewLogs.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type Class = typeof classes.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;
export type TypedAnswer = typeof typedAnswers.$inferSelect;
export type FsrsFit = typeof fsrsFits.$inferSelect;
export type ClassInvitation = typeof classInvitations.$inferSelect;
export type CardReport = typeof cardReports.$inferSelect;
export type ReviewChoice = typeof reviewChoices.$inferSelect;
