-- Settled deliveries per channel and status (Delivered, Superseded, Discarded), kept by statement triggers in the
-- same transaction as every statement that moves deliveries into, out of or (by retention) away from those statuses,
-- so that /status/deliveries reads one row where it would otherwise count every settled row of a channel. The other
-- statuses are the backlog and stay counted through their index ranges. Intake inserts Pending deliveries only and
-- fires nothing. Tallies change in channel order, so that two statements never wait on each other's rows in a cycle.
CREATE TABLE delivery_tallies (
    channel text   NOT NULL,
    status  text   NOT NULL,
    tally   bigint NOT NULL,
    PRIMARY KEY (channel, status)
);

INSERT INTO delivery_tallies (channel, status, tally)
SELECT channel, status, COUNT(*) FROM deliveries WHERE status IN ('Delivered', 'Superseded', 'Discarded') GROUP BY channel, status;

CREATE FUNCTION deliveries_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_tallies (channel, status, tally)
    SELECT c.channel, c.status, SUM(c.n) FROM (
        SELECT n.channel, n.status, 1 AS n FROM new_rows n JOIN old_rows o ON o.delivery_id = n.delivery_id
        WHERE n.status <> o.status AND n.status IN ('Delivered', 'Superseded', 'Discarded')
        UNION ALL
        SELECT o.channel, o.status, -1 FROM old_rows o JOIN new_rows n ON n.delivery_id = o.delivery_id
        WHERE n.status <> o.status AND o.status IN ('Delivered', 'Superseded', 'Discarded')
    ) AS c
    GROUP BY c.channel, c.status
    ORDER BY c.channel, c.status
    ON CONFLICT (channel, status) DO UPDATE SET tally = delivery_tallies.tally + EXCLUDED.tally;
    RETURN NULL;
END;
$$;

CREATE FUNCTION deliveries_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_tallies (channel, status, tally)
    SELECT o.channel, o.status, -COUNT(*) FROM old_rows o
    WHERE o.status IN ('Delivered', 'Superseded', 'Discarded')
    GROUP BY o.channel, o.status
    ORDER BY o.channel, o.status
    ON CONFLICT (channel, status) DO UPDATE SET tally = delivery_tallies.tally + EXCLUDED.tally;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_deliveries_tally_update AFTER UPDATE ON deliveries
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION deliveries_tally_update();

CREATE TRIGGER tr_deliveries_tally_delete AFTER DELETE ON deliveries
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION deliveries_tally_delete();

-- The same for the item rows of delivered messages that settled on their own (Skipped, Discarded). Failed items are
-- dead letters and Resend ones wait for the next round: both stay counted through ix_delivery_items_state.
CREATE TABLE item_tallies (
    channel text   NOT NULL,
    state   text   NOT NULL,
    tally   bigint NOT NULL,
    PRIMARY KEY (channel, state)
);

INSERT INTO item_tallies (channel, state, tally)
SELECT channel, state, COUNT(*) FROM delivery_items WHERE state IN ('Skipped', 'Discarded') GROUP BY channel, state;

CREATE FUNCTION delivery_items_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO item_tallies (channel, state, tally)
        SELECT n.channel, n.state, COUNT(*) FROM new_rows n WHERE n.state IN ('Skipped', 'Discarded')
        GROUP BY n.channel, n.state ORDER BY n.channel, n.state
        ON CONFLICT (channel, state) DO UPDATE SET tally = item_tallies.tally + EXCLUDED.tally;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO item_tallies (channel, state, tally)
        SELECT o.channel, o.state, -COUNT(*) FROM old_rows o WHERE o.state IN ('Skipped', 'Discarded')
        GROUP BY o.channel, o.state ORDER BY o.channel, o.state
        ON CONFLICT (channel, state) DO UPDATE SET tally = item_tallies.tally + EXCLUDED.tally;
    ELSE
        INSERT INTO item_tallies (channel, state, tally)
        SELECT c.channel, c.state, SUM(c.n) FROM (
            SELECT n.channel, n.state, 1 AS n FROM new_rows n JOIN old_rows o ON o.delivery_id = n.delivery_id AND o.item_key = n.item_key
            WHERE n.state <> o.state AND n.state IN ('Skipped', 'Discarded')
            UNION ALL
            SELECT o.channel, o.state, -1 FROM old_rows o JOIN new_rows n ON n.delivery_id = o.delivery_id AND n.item_key = o.item_key
            WHERE n.state <> o.state AND o.state IN ('Skipped', 'Discarded')
        ) AS c
        GROUP BY c.channel, c.state ORDER BY c.channel, c.state
        ON CONFLICT (channel, state) DO UPDATE SET tally = item_tallies.tally + EXCLUDED.tally;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_delivery_items_tally_insert AFTER INSERT ON delivery_items
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION delivery_items_tally();

CREATE TRIGGER tr_delivery_items_tally_update AFTER UPDATE ON delivery_items
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION delivery_items_tally();

CREATE TRIGGER tr_delivery_items_tally_delete AFTER DELETE ON delivery_items
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION delivery_items_tally();
