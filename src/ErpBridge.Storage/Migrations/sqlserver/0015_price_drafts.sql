-- Products the bridge created (or kept) as drafts for lack of a price (issue 15): a material master carries no sales
-- price, so its new products are drafts that cannot be bought. When the product's price comes (a condition record),
-- the price call of a product named here also publishes it, and the row goes. A blocked material never gets a row,
-- and a later product message that blocks it, or that gives it a price, removes it.
-- sku: as the maps name it (trimmed); created_at: when the product was first drafted on the channel.
CREATE TABLE dbo.price_drafts (
    channel    NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    sku        NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at DATETIME2(7)  NOT NULL,
    CONSTRAINT pk_price_drafts PRIMARY KEY (channel, sku)
);
