-- A raw document is mapped at the door: its canonical message is stored beside it, so that delivery reads it
-- instead of mapping the document again. NULL for canonical messages (the payload is the canonical message) and for
-- documents accepted before this version, which delivery still maps.
ALTER TABLE messages ADD COLUMN canonical text NULL;

-- A shipment finds its store by the order number of the order the bridge fetched.
CREATE INDEX ix_orders_number ON orders (order_number, channel);
