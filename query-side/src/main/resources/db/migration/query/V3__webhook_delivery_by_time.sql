-- The delivery log is pruned by age (matterflow.integration.webhooks.delivery-log-retention);
-- without this index every hourly prune would read the whole log.
CREATE INDEX webhook_delivery_by_time ON projections.webhook_delivery (attempted_at);
