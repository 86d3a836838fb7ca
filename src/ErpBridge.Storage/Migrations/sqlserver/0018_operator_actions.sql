-- What operators did in the console (issue 17): resubmits, discards, pauses, resumes, reconciliation starts, each with
-- the operator's name. A message's page shows the actions on it; the Channels page shows a channel's.
-- message_id / channel: what the action was on (null when it was on neither, e.g. a reconciliation of every channel).
CREATE TABLE dbo.operator_actions (
    action_id  BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_operator_actions PRIMARY KEY,
    at         DATETIME2(7)   NOT NULL,
    operator   NVARCHAR(256)  NOT NULL,
    action     NVARCHAR(64)   NOT NULL,
    message_id NVARCHAR(128)  COLLATE Latin1_General_100_BIN2 NULL,
    channel    NVARCHAR(64)   COLLATE Latin1_General_100_BIN2 NULL,
    detail     NVARCHAR(4000) NULL
);

CREATE INDEX ix_operator_actions_message ON dbo.operator_actions (message_id, action_id) WHERE message_id IS NOT NULL;
