-- A delivery's attempts are counted when it is claimed, and so are the claims that ended without an outcome (the
-- process died under them): after a configured number of those the delivery fails instead of crashing the bridge
-- again. retry_from is when the delivery's retries began (acceptance, or the operator's resubmit): transient failures
-- are retried until it is MaxRetryAge old.
ALTER TABLE dbo.deliveries ADD unfinished_claims INT NOT NULL CONSTRAINT df_deliveries_unfinished_claims DEFAULT 0;
ALTER TABLE dbo.deliveries ADD retry_from DATETIME2(7) NULL;

-- A paused channel delivers nothing: paused by an operator (lifted by an operator only) or because the store refused
-- the channel's credentials (lifted when a probe at probe_at delivers, or by an operator). In the database, so that
-- every node and every restart agree.
CREATE TABLE dbo.channel_pauses (
    channel   NVARCHAR(64)   COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_channel_pauses PRIMARY KEY,
    paused_by NVARCHAR(32)   NOT NULL,
    reason    NVARCHAR(2000) NOT NULL,
    paused_at DATETIME2(7)   NOT NULL,
    probe_at  DATETIME2(7)   NULL
);
