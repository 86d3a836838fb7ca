-- Digest nonces every node shares (issue 16): a UsernameToken's nonce is used once across all nodes and restarts.
-- nonce_hash: SHA-256 (hex) of the user name and the nonce's bytes; a row is kept until expires_at (twice the
-- replay window after its use), then deleted in small batches.
CREATE TABLE dbo.digest_nonces (
    nonce_hash CHAR(64)     COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_digest_nonces PRIMARY KEY,
    created_at DATETIME2(7) NOT NULL,
    expires_at DATETIME2(7) NOT NULL
);

CREATE INDEX ix_digest_nonces_expires ON dbo.digest_nonces (expires_at);
