-- Monitoring: the gauge "delivered in the last hour" counts a channel's Delivered deliveries by their last attempt.
-- Filtered, so that intake (which inserts Pending deliveries) writes no entry into it; a completion writes one.
CREATE INDEX ix_deliveries_delivered ON dbo.deliveries (channel, last_attempt_at) WHERE status = N'Delivered';
