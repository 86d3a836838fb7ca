-- Failures per item: the items of a delivery that a channel skipped (a location it does not take) or failed on their
-- own (an unknown SKU) while the rest of the message was delivered, with the reason. A failed item is a dead letter
-- of its own; an operator's resubmit turns it into 'Resend', and the delivery's next attempt sends only those items.
-- state: 'Skipped', 'Failed' or 'Resend'. item_key: 'inv:SKU@LOCATION' for stock, as in item_versions.
CREATE TABLE delivery_items (
    delivery_id bigint NOT NULL CONSTRAINT fk_delivery_items_deliveries REFERENCES deliveries (delivery_id),
    channel     text COLLATE "C" NOT NULL,
    item_key    text COLLATE "C" NOT NULL,
    state       text NOT NULL,
    reason      text NOT NULL,
    at          text NOT NULL,
    CONSTRAINT pk_delivery_items PRIMARY KEY (delivery_id, item_key)
);

-- Dead letters and resubmits look items up by state; a round asks for its channel's items to resend.
CREATE INDEX ix_delivery_items_state ON delivery_items (state, channel);
