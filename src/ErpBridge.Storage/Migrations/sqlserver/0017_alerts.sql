-- Alert webhooks (issue 17): the outbox of alerts, one row per alert and webhook, written when the alert is raised and
-- sent by a background job (claimed like the ALE audits, so that on several nodes each row is sent by one of them).
-- body: the JSON sent on every attempt (the same bytes, so the receiver's de-duplication by alert_id holds).
-- state: 'Pending', 'Sending' (claimed until next_attempt_at), 'Sent', 'Failed' (given up after MaxAge).
CREATE TABLE dbo.alerts (
    alert_id        NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    webhook         NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    body            NVARCHAR(MAX) NOT NULL,
    state           NVARCHAR(16)  NOT NULL,
    attempts        INT           NOT NULL CONSTRAINT df_alerts_attempts DEFAULT 0,
    created_at      DATETIME2(7)  NOT NULL,
    next_attempt_at DATETIME2(7)  NOT NULL,
    sent_at         DATETIME2(7)  NULL,
    last_error      NVARCHAR(MAX) NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (alert_id, webhook)
);

CREATE INDEX ix_alerts_due ON dbo.alerts (state, next_attempt_at);

-- What the alert checks last saw of a condition (a channel's pause, its order polling, its latest reconciliation):
-- a condition alerts when its value changes, and the change and its alert are written together, so that on several
-- nodes and across restarts each change alerts once.
CREATE TABLE dbo.alert_states (
    state_key  NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_alert_states PRIMARY KEY,
    value      NVARCHAR(400) NOT NULL,
    changed_at DATETIME2(7)  NOT NULL
);
