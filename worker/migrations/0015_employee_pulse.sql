-- Employee pulse (docs/metrics.md › Employee pulse): each touchpoint gets a staff code of its own for the hosted staff
-- page /e/{code}, apart from the customer code of /t/{code}. Answers are kept only as daily sums per touchpoint:
-- no row per response, no person, no time of day, so no one can be picked out.
ALTER TABLE touchpoints ADD COLUMN staff_code TEXT;
UPDATE touchpoints SET staff_code = lower(hex(randomblob(5))) WHERE staff_code IS NULL;
CREATE UNIQUE INDEX touchpoints_staff_code ON touchpoints(staff_code);

-- Per touchpoint and day: responses, and the sum and sum of squares of each question's 1-5 answers.
CREATE TABLE pulse_rollups (
  site_id TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  day TEXT NOT NULL,
  n INTEGER NOT NULL,
  tools_sum INTEGER NOT NULL, tools_sumsq INTEGER NOT NULL,
  support_sum INTEGER NOT NULL, support_sumsq INTEGER NOT NULL,
  pride_sum INTEGER NOT NULL, pride_sumsq INTEGER NOT NULL,
  PRIMARY KEY (site_id, touchpoint, day),
  FOREIGN KEY (site_id, touchpoint) REFERENCES touchpoints(site_id, key) ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
