-- The keys that protect the operator console's session cookies and antiforgery tokens (ASP.NET Core data protection),
-- one XML element per key as the key manager writes it. Kept in the database, so that every node that shares it reads
-- a session any node issued, a restart signs no one out, and a backup of the database holds them. Whoever can read
-- this table can forge a console session: it is as secret as the database's credentials.
CREATE TABLE console_keys (
    name       text PRIMARY KEY,
    created_at text NOT NULL,
    xml        text NOT NULL
);
