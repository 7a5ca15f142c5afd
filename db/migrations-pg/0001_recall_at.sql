-- recall_at(last_review, stability, at, weights): the predicted recall of lib/scheduler/recall.ts
-- `recallAt`, as SQL functions, so analytics can sum it in a GROUP BY as they do on SQLite (where it
-- is a JavaScript function, db/recall-function.ts). Same rules: a NULL argument or a stability that
-- is not positive gives 0; weights that are not a JSON array of numbers give the FSRS-6 defaults.
-- Matched to ts-fsrs 5.4 within 1e-9 by tests/integration-pg/recall-at.test.ts; float8 throughout,
-- with ts-fsrs's own rounding to 8 decimals (Math.round(x * 1e8) / 1e8).

-- The decay (w[20]) ts-fsrs uses for these weights: 21 weights clamped to [0.1, 0.8]; FSRS-4/5
-- weights (17 or 19) get FSRS-5's 0.5; any other length, or no weights, the FSRS-6 default 0.1542.
CREATE OR REPLACE FUNCTION fsrs_decay(weights jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN jsonb_typeof(weights) IS DISTINCT FROM 'array' OR weights @? '$[*] ? (@.type() != "number")' THEN 0.1542
    WHEN jsonb_array_length(weights) = 21 THEN least(greatest((weights -> 20)::numeric, 0.1), 0.8)::double precision
    WHEN jsonb_array_length(weights) IN (17, 19) THEN 0.5
    ELSE 0.1542
  END
$$;
--> statement-breakpoint
-- ts-fsrs `forgetting_curve(decay, elapsed_days, stability)`: (1 + factor * t / s) ^ -decay, where
-- factor = 0.9 ^ (1 / -decay) - 1 makes the recall 0.9 after `stability` days.
CREATE OR REPLACE FUNCTION fsrs_forgetting_curve(decay double precision, elapsed_days double precision, stability double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT floor(
    power(
      1 + (floor((exp((1 / -decay) * ln(0.9::double precision)) - 1) * 1e8::double precision + 0.5) / 1e8::double precision)
        * elapsed_days / stability,
      -decay
    ) * 1e8::double precision + 0.5
  ) / 1e8::double precision
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION recall_at(last_review bigint, stability double precision, at bigint, weights jsonb)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN last_review IS NULL OR stability IS NULL OR at IS NULL OR NOT (stability > 0) THEN 0
    ELSE least(1, greatest(0, fsrs_forgetting_curve(
      fsrs_decay(weights),
      greatest(0, (at - last_review)::double precision / 86400000),
      stability
    )))
  END
$$;
