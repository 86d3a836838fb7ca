-- The keys that protect the operator console's session cookies and antiforgery tokens (ASP.NET Core data protection),
-- one XML element per key as the key manager writes it. Kept in the database, so that every node that shares it reads
-- a session any node issued, a restart signs no one out, and a backup of the database holds them. Whoever can read
-- this table can forge a console session: it is as secret as the database's credentials.
CREATE TABLE dbo.console_keys (
    name       NVARCHAR(256) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_console_keys PRIMARY KEY,
    created_at DATETIME2(7)  NOT NULL,
    xml        NVARCHAR(MAX) NOT NULL
);
