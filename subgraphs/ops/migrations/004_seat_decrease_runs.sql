-- A seat decrease is followed as a run of its own: amended, credited, credit posted.
ALTER TABLE workflow_runs DROP CONSTRAINT workflow_runs_kind_check;
ALTER TABLE workflow_runs ADD CONSTRAINT workflow_runs_kind_check CHECK (kind IN ('quote-to-cash', 'amendment', 'seat-decrease'));
