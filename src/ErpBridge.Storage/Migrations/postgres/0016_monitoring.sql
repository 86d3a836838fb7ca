-- Monitoring: the gauge "delivered in the last hour" counts a channel's Delivered deliveries by their last attempt.
-- Partial, so that intake (which inserts Pending deliveries) writes no entry into it; a completion writes one.
CREATE INDEX IF NOT EXISTS ix_deliveries_delivered ON deliveries (channel, last_attempt_at) WHERE status = 'Delivered';
