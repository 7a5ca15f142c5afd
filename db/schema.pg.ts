/**
 * The data model of db/schema.ts for PostgreSQL (Drizzle pg-core): the same tables, columns,
 * keys, indexes and foreign keys, with the same TypeScript row types, so one set of typed queries
 * can serve both engines. tests/unit/schema-parity.test.ts fails when the two drift apart.
 *
 * Where the engines differ:
 * - Times are integer milliseconds since the epoch, as on SQLite, in `bigint` (they overflow a
 *   32-bit `integer` since January 1970 + 24.8 days). The pool parses int8 as a JS number
 *   (db/pg/connection.ts); mode 'number' keeps it so where another client reads the rows.
 * - Columns SQLite maps to a Date (`timestamp_ms`) are the same bigint, mapped to a Date here.
 * - `real` on SQLite is an 8-byte double: `double precision` here (PostgreSQL's `real` is 4 bytes).
 * - Flags are `boolean`. JSON is `jsonb`: the server checks it is JSON, queries can read arrays
 *   with jsonb_array_elements / `?` where SQLite uses json_each, and node-postgres hands back
 *   parsed values. jsonb does not keep key order or duplicate keys; nothing here depends on either.
 * - Autoincrement ids are identity columns BY DEFAULT, so a copy from SQLite can keep its ids
 *   (then `setval` the sequence past them).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../lib/auth/session-user';

/** Epoch milliseconds; matches SQLite's `integer(..., { mode: 'number' })` columns. */
const epochMs = (name: string) => bigint(name, { mode: 'number' });

/** Epoch milliseconds read as a Date; matches SQLite's `integer(..., { mode: 'timestamp_ms' })`. */
const epochMsDate = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

const nowMs = sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`;
const createdAt = () => epochMsDate('created_at').notNull().default(nowMs);
const serialId = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable('users', {
  id: serialId(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('student'),
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: createdAt(),
  // Email verification (issue 17): see db/schema.ts.
  emailVerifiedAt: epochMs('email_verified_at'),
});

export const userSettings = pgTable('user_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  desiredRetention: doublePrecision('desired_retention').notNull().default(0.9),
  newPerDay: integer('new_per_day').notNull().default(20),
  reviewsPerDay: integer('reviews_per_day').notNull().default(200),
  timeZone: text('time_zone').notNull().default('UTC'),
  rolloverHour: integer('rollover_hour').notNull().default(4),
  passFail: boolean('pass_fail').notNull().default(false),
  maximumInterval: integer('maximum_interval').notNull().default(36500),
  leechThreshold: integer('leech_threshold').notNull().default(8),
  quizFeedback: text('quiz_feedback', { enum: ['immediate', 'end'] }).notNull().default('immediate'),
  fsrsWeights: jsonb('fsrs_weights').$type<number[]>(),
  fsrsSource: text('fsrs_source', { enum: ['default', 'deck', 'class', 'personal'] }).notNull().default('default'),
  fsrsFitId: integer('fsrs_fit_id'),
});

export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: epochMs('window_start').notNull(),
  lockedUntil: epochMs('locked_until'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

// Password reset by email (issue 17): see db/schema.ts.
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('password_reset_tokens_user').on(t.userId)],
);

// Email verification (issue 17): see db/schema.ts.
export const emailVerificationTokens = pgTable(
  'email_verification_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('email_verification_tokens_user').on(t.userId)],
);

export const decks = pgTable('decks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  author: text('author'),
  publisher: text('publisher'),
  published: text('published'),
  sourceUrl: text('source_url'),
  description: text('description').notNull().default(''),
  context: text('context'),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
});

export const sections = pgTable(
  'sections',
  {
    id: serialId(),
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

export const cards = pgTable(
  'cards',
  {
    id: serialId(),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    key: text('key').notNull(),
    itemId: text('item_id').notNull(),
    type: text('type', { enum: ['basic', 'cloze', 'mcq', 'truefalse', 'typed', 'ordering'] }).notNull(),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    explanation: text('explanation'),
    evidenceQuote: text('evidence_quote'),
    evidenceRef: text('evidence_ref'),
    tags: jsonb('tags').notNull().$type<string[]>().default(sql`'[]'::jsonb`),
    skill: text('skill', { enum: ['recall', 'understanding'] }).notNull().default('recall'),
    contentHash: text('content_hash').notNull(),
    retiredAt: epochMsDate('retired_at'),
    updatedAt: epochMsDate('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cards_deck_key').on(t.deckId, t.key), index('cards_deck_position').on(t.deckId, t.position)],
);

export const cardStates = pgTable(
  'card_states',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    due: epochMs('due').notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReview: epochMs('last_review'),
    suspended: boolean('suspended').notNull().default(false),
    leech: boolean('leech').notNull().default(false),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cardId] }), index('card_states_user_due').on(t.userId, t.due)],
);

export const reviewLogs = pgTable(
  'review_logs',
  {
    id: serialId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    rating: integer('rating').notNull(),
    reviewedAt: epochMs('reviewed_at').notNull(),
    durationMs: integer('duration_ms').notNull().default(0),
    stateBefore: integer('state_before').notNull(),
    snapshotBefore: jsonb('snapshot_before'),
    dueAfter: epochMs('due_after').notNull(),
    stabilityAfter: doublePrecision('stability_after').notNull(),
    difficultyAfter: doublePrecision('difficulty_after').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    source: text('source', { enum: ['review', 'quiz'] }).notNull().default('review'),
    undoneAt: epochMs('undone_at'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_logs_user_client').on(t.userId, t.clientId),
    // The covering indexes of SQLite, as plain multi-column btrees (index-only scans need a vacuumed
    // table here; INCLUDE columns would do the same job, but one column list keeps the schemas comparable).
    index('review_logs_user_time').on(t.userId, t.reviewedAt, t.undoneAt, t.durationMs, t.stateBefore, t.rating, t.source),
    index('review_logs_user_card').on(t.userId, t.cardId, t.reviewedAt, t.undoneAt, t.stateBefore, t.rating, t.stabilityAfter),
    index('review_logs_card').on(t.cardId),
  ],
);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: serialId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    sectionKeys: jsonb('section_keys').$type<string[]>(),
    cardIds: jsonb('card_ids').notNull().$type<number[]>(),
    feedback: text('feedback', { enum: ['immediate', 'end'] }).notNull().default('immediate'),
    startedAt: epochMs('started_at').notNull(),
    finishedAt: epochMs('finished_at'),
    correctCount: integer('correct_count').notNull().default(0),
    questionCount: integer('question_count').notNull(),
  },
  (t) => [index('quiz_attempts_user').on(t.userId, t.startedAt)],
);

export const quizAnswers = pgTable(
  'quiz_answers',
  {
    id: serialId(),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    response: jsonb('response').notNull(),
    correct: boolean('correct').notNull(),
    answeredAt: epochMs('answered_at').notNull(),
    reviewLogId: integer('review_log_id').references(() => reviewLogs.id),
    acceptedAs: text('accepted_as'),
    acceptedRule: text('accepted_rule'),
  },
  (t) => [uniqueIndex('quiz_answers_attempt_card').on(t.attemptId, t.cardId), index('quiz_answers_card').on(t.cardId)],
);

export const classes = pgTable(
  'classes',
  {
    id: serialId(),
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    joinCode: text('join_code').notNull().unique(),
    timeZone: text('time_zone').notNull().default('UTC'),
    archivedAt: epochMs('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('classes_instructor').on(t.instructorId)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: epochMs('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('enrollments_user').on(t.userId)],
);

export const classRemovals = pgTable(
  'class_removals',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    removedAt: epochMs('removed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] })],
);

export const assignments = pgTable(
  'assignments',
  {
    id: serialId(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    deckId: text('deck_id')
      .notNull()
      .references(() => decks.id, { onDelete: 'cascade' }),
    sectionKeys: jsonb('section_keys').$type<string[]>(),
    dueAt: epochMs('due_at').notNull(),
    goalQuizScore: doublePrecision('goal_quiz_score'),
    goalRecall: doublePrecision('goal_recall'),
    createdAt: createdAt(),
    quizSectionKeys: jsonb('quiz_section_keys').$type<string[]>(),
    quizQuestions: integer('quiz_questions'),
    quizTypes: jsonb('quiz_types').$type<string[]>(),
    quizAttempts: integer('quiz_attempts'),
    quizFeedback: text('quiz_feedback', { enum: ['immediate', 'end'] }).notNull().default('end'),
  },
  (t) => [index('assignments_class').on(t.classId)],
);

export const assignmentQuizAttempts = pgTable(
  'assignment_quiz_attempts',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    legacy: boolean('legacy').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.attemptId] }), index('assignment_quiz_attempts_attempt').on(t.attemptId)],
);

export const typedAnswers = pgTable(
  'typed_answers',
  {
    id: serialId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(),
    correct: boolean('correct'),
    overruled: boolean('overruled').notNull().default(false),
    answeredAt: epochMs('answered_at').notNull(),
    clientId: text('client_id'),
  },
  (t) => [index('typed_answers_card').on(t.cardId, t.userId), uniqueIndex('typed_answers_user_client').on(t.userId, t.clientId)],
);

export const quizOverrules = pgTable(
  'quiz_overrules',
  {
    id: serialId(),
    quizAnswerId: integer('quiz_answer_id')
      .notNull()
      .unique()
      .references(() => quizAnswers.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignmentId: integer('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'accepted', 'declined'] }).notNull(),
    requestedAt: epochMs('requested_at').notNull(),
    decidedAt: epochMs('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('quiz_overrules_assignment').on(t.assignmentId, t.status)],
);

export const fsrsFits = pgTable(
  'fsrs_fits',
  {
    id: serialId(),
    scope: text('scope', { enum: ['user', 'deck', 'class'] }).notNull(),
    scopeId: integer('scope_id'),
    scopeKey: text('scope_key'),
    adopted: boolean('adopted').notNull(),
    reason: text('reason', { enum: ['too_little_history', 'better', 'not_better'] }).notNull(),
    weights: jsonb('weights').$type<number[]>(),
    items: integer('items').notNull(),
    trainItems: integer('train_items').notNull(),
    testItems: integer('test_items').notNull(),
    logLossBefore: doublePrecision('log_loss_before'),
    rmseBefore: doublePrecision('rmse_before'),
    logLossAfter: doublePrecision('log_loss_after'),
    rmseAfter: doublePrecision('rmse_after'),
    reviews: integer('reviews').notNull(),
    durationMs: integer('duration_ms').notNull(),
    fittedAt: epochMs('fitted_at').notNull(),
  },
  (t) => [index('fsrs_fits_scope').on(t.scope, t.scopeId, t.scopeKey, t.fittedAt)],
);

export const fsrsFitRuns = pgTable('fsrs_fit_runs', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  phase: text('phase', { enum: ['fitting', 'checking', 'replaying'] }).notNull(),
  done: integer('done').notNull(),
  total: integer('total').notNull(),
  startedAt: epochMs('started_at').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

// --- issue 17: invitations by roster ---------------------------------------------------------------
// One row per invited address and class while the invitation is open: accepting or revoking it
// deletes the row, and re-sending replaces the token (the old link dies). The link's token is kept
// only as its SHA-256. sent_at is null until a mail went out; send_failed marks a mail that did not
// (retryable: re-sending issues a new token and tries again).
export const classInvitations = pgTable(
  'class_invitations',
  {
    id: serialId(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: integer('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    sentAt: epochMs('sent_at'),
    sendFailed: boolean('send_failed').notNull().default(false),
  },
  (t) => [uniqueIndex('class_invitations_class_email').on(t.classId, t.email)],
);
// --- end of issue 17 --------------------------------------------------------------------------------
// --- Extensions and co-instructors (issue 17) ---------------------------------------------------
// A later due date for one student on one assignment (Moodle's user overrides). The date a student
// works to is the later of the assignment's and theirs: db/queries/extensions.ts holds that rule.
export const assignmentExtensions = pgTable(
  'assignment_extensions',
  {
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dueAt: epochMs('due_at').notNull(),
    grantedBy: integer('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: epochMs('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_extensions_user').on(t.userId)],
);

// Instructors who teach a class beside its owner (classes.instructor_id), with the same rights on
// it except archiving and removing co-instructors. db/queries/access.ts holds the "teaches" rule.
export const classInstructors = pgTable(
  'class_instructors',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: epochMs('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_instructors_user').on(t.userId)],
);
// --- end extensions and co-instructors ------------------------------------------------------------
// --- issue 16 item 4: students report a card ----------------------------------------------------
// A student's "Report a problem" on a card (in a review session or a quiz): a reason and a short
// note. The deck's owner replies and marks it fixed or dismissed; the student then sees the answer
// once (seen_at). At most one open report per student and card (a partial unique index): a second
// report updates the open one. Additive: nothing else refers to this table.
export const cardReports = pgTable(
  'card_reports',
  {
    id: serialId(),
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
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    handledAt: epochMs('handled_at'),
    handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
    // When the student saw that it was handled (null: not yet, so Today still tells them).
    seenAt: epochMs('seen_at'),
  },
  (t) => [
    uniqueIndex('card_reports_one_open').on(t.userId, t.cardId).where(sql`status = 'open'`),
    index('card_reports_card').on(t.cardId, t.status),
    index('card_reports_user').on(t.userId, t.status),
  ],
);
// --- end of issue 16 item 4 ------------------------------------------------------------------------
// --- issue 16 item 3: the option a student chose in a review session (db/schema.ts) ----------------
export const reviewChoices = pgTable(
  'review_choices',
  {
    id: serialId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    choice: integer('choice').notNull(),
    correct: boolean('correct').notNull(),
    answeredAt: epochMs('answered_at').notNull(),
  },
  (t) => [index('review_choices_card').on(t.cardId, t.userId), uniqueIndex('review_choices_user_client').on(t.userId, t.clientId)],
);
// --- end of issue 16 item 3 ---------------------------------------------------------------------------
