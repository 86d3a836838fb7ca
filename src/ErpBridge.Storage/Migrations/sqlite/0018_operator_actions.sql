-- What operators did in the console (issue 17): resubmits, discards, pauses, resumes, reconciliation starts, each with
-- the operator's name. A message's page shows the actions on it; the Channels page shows a channel's.
-- message_id / channel: what the action was on (null when it was on neither, e.g. a reconciliation of every channel).
CREATE TABLE operator_actions (
    action_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    operator   TEXT NOT NULL,
    action     TEXT NOT NULL,
    message_id TEXT NULL,
    channel    TEXT NULL,
    detail     TEXT NULL
);

CREATE INDEX ix_operator_actions_message ON operator_actions (message_id, action_id) WHERE message_id IS NOT NULL;
