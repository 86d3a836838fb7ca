-- Failures per item: the items of a delivery that a channel skipped (a location it does not take) or failed on their
-- own (an unknown SKU) while the rest of the message was delivered, with the reason. A failed item is a dead letter
-- of its own; an operator's resubmit turns it into 'Resend', and the delivery's next attempt sends only those items.
-- state: 'Skipped', 'Failed' or 'Resend'. item_key: 'inv:SKU@LOCATION' for stock, as in item_versions.
CREATE TABLE delivery_items (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (delivery_id),
    channel     TEXT NOT NULL,
    item_key    TEXT NOT NULL,
    state       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (delivery_id, item_key)
) WITHOUT ROWID;

-- Dead letters and resubmits look items up by state; a round asks for its channel's items to resend.
CREATE INDEX ix_delivery_items_state ON delivery_items (state, channel);
