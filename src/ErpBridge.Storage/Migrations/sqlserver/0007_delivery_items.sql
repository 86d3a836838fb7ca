-- Failures per item: the items of a delivery that a channel skipped (a location it does not take) or failed on their
-- own (an unknown SKU) while the rest of the message was delivered, with the reason. A failed item is a dead letter
-- of its own; an operator's resubmit turns it into 'Resend', and the delivery's next attempt sends only those items.
-- state: 'Skipped', 'Failed' or 'Resend'. item_key: 'inv:SKU@LOCATION' for stock, as in item_versions.
CREATE TABLE dbo.delivery_items (
    delivery_id BIGINT        NOT NULL CONSTRAINT fk_delivery_items_deliveries REFERENCES dbo.deliveries (delivery_id),
    channel     NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    item_key    NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    state       NVARCHAR(16)  NOT NULL,
    reason      NVARCHAR(MAX) NOT NULL,
    at          DATETIME2(7)  NOT NULL,
    CONSTRAINT pk_delivery_items PRIMARY KEY (delivery_id, item_key)
);

-- Dead letters and resubmits look items up by state; a round asks for its channel's items to resend.
CREATE INDEX ix_delivery_items_state ON dbo.delivery_items (state, channel);
