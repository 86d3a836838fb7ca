-- Alert webhooks (issue 17): the outbox of alerts, one row per alert and webhook, written when the alert is raised and
-- sent by a background job (claimed like the ALE audits, so that on several nodes each row is sent by one of them).
-- body: the JSON sent on every attempt (the same bytes, so the receiver's de-duplication by alert_id holds).
-- state: 'Pending', 'Sending' (claimed until next_attempt_at), 'Sent', 'Failed' (given up after MaxAge).
CREATE TABLE alerts (
    alert_id        TEXT    NOT NULL,
    webhook         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    sent_at         TEXT    NULL,
    last_error      TEXT    NULL,
    PRIMARY KEY (alert_id, webhook)
) WITHOUT ROWID;

CREATE INDEX ix_alerts_due ON alerts (state, next_attempt_at);

-- What the alert checks last saw of a condition (a channel's pause, its order polling, its latest reconciliation):
-- a condition alerts when its value changes, and the change and its alert are written together, so that on several
-- nodes and across restarts each change alerts once.
CREATE TABLE alert_states (
    state_key  TEXT NOT NULL PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_at TEXT NOT NULL
) WITHOUT ROWID;
