-- Digest nonces every node shares (issue 16): a UsernameToken's nonce is used once across all nodes and restarts.
-- nonce_hash: SHA-256 (hex) of the user name and the nonce's bytes; a row is kept until expires_at (twice the
-- replay window after its use), then deleted in small batches.
CREATE TABLE digest_nonces (
    nonce_hash text COLLATE "C" NOT NULL PRIMARY KEY,
    -- Times as the other tables keep them: fixed-width ISO 8601 UTC text, which sorts as time.
    created_at text NOT NULL,
    expires_at text NOT NULL
);

CREATE INDEX ix_digest_nonces_expires ON digest_nonces (expires_at);
