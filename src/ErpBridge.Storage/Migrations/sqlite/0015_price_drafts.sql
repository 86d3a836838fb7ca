-- Products the bridge created (or kept) as drafts for lack of a price (issue 15): a material master carries no sales
-- price, so its new products are drafts that cannot be bought. When the product's price comes (a condition record),
-- the price call of a product named here also publishes it, and the row goes. A blocked material never gets a row,
-- and a later product message that blocks it, or that gives it a price, removes it.
-- sku: as the maps name it (trimmed); created_at: when the product was first drafted on the channel.
CREATE TABLE price_drafts (
    channel    TEXT NOT NULL,
    sku        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
