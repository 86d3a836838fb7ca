-- Alert webhooks (issue 17): the outbox of alerts, one row per alert and webhook, written when the alert is raised and
-- sent by a background job (claimed like the ALE audits, so that on several nodes each row is sent by one of them).
-- body: the JSON sent on every attempt (the same bytes, so the receiver's de-duplication by alert_id holds).
-- state: 'Pending', 'Sending' (claimed until next_attempt_at), 'Sent', 'Failed' (given up after MaxAge).
CREATE TABLE alerts (
    alert_id        text COLLATE "C" NOT NULL,
    webhook         text COLLATE "C" NOT NULL,
    body            text NOT NULL,
    state           text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    -- Times as the other tables keep them: fixed-width ISO 8601 UTC text, which sorts as time.
    created_at      text NOT NULL,
    next_attempt_at text NOT NULL,
    sent_at         text NULL,
    last_error      text NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (alert_id, webhook)
);

CREATE INDEX ix_alerts_due ON alerts (state, next_attempt_at);

-- What the alert checks last saw of a condition (a channel's pause, its order polling, its latest reconciliation):
-- a condition alerts when its value changes, and the change and its alert are written together, so that on several
-- nodes and across restarts each change alerts once.
CREATE TABLE alert_states (
    state_key  text COLLATE "C" NOT NULL CONSTRAINT pk_alert_states PRIMARY KEY,
    value      text NOT NULL,
    changed_at text NOT NULL
);
