-- A delivery's attempts are counted when it is claimed, and so are the claims that ended without an outcome (the
-- process died under them): after a configured number of those the delivery fails instead of crashing the bridge
-- again. retry_from is when the delivery's retries began (acceptance, or the operator's resubmit): transient failures
-- are retried until it is MaxRetryAge old.
ALTER TABLE deliveries ADD COLUMN unfinished_claims integer NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN retry_from text NULL;

-- A paused channel delivers nothing: paused by an operator (lifted by an operator only) or because the store refused
-- the channel's credentials (lifted when a probe at probe_at delivers, or by an operator). In the database, so that
-- every node and every restart agree.
CREATE TABLE channel_pauses (
    channel   text COLLATE "C" NOT NULL CONSTRAINT pk_channel_pauses PRIMARY KEY,
    paused_by text NOT NULL,
    reason    text NOT NULL,
    paused_at text NOT NULL,
    probe_at  text NULL
);
