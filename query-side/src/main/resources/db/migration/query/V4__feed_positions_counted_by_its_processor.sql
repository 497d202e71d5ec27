-- The feed's processor counts positions on from the feed's last one, read once per
-- transaction: it is the feed's one writer, and the primary key refuses a second one.
-- The sequence it drew from, one round trip per event, is no longer used.

DROP SEQUENCE projections.feed_position;
