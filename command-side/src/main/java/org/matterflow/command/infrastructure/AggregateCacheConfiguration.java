package org.matterflow.command.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used aggregates in memory, so that a command on a meeting that is being
 * recorded does not read and replay the meeting's events again: a meeting is consulted by
 * nearly every command while its minutes are taken. Axon's caching repository holds each
 * aggregate under its lock and drops it when a unit of work that touched it rolls back,
 * so an entry is never ahead of or behind the store as long as one command side writes to
 * it. With several command-side instances each would keep its own entries: a stale entry
 * then makes an append conflict (answered 409, nothing appended) instead of a wrong
 * decision, so run one instance or set {@code matterflow.aggregate-cache.entries=0}.
 * Commands that run inside a transaction of their caller (an import) bypass the cache.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

	/** The bean names the aggregates name in their {@code @Aggregate(cache = ...)}. */
	public static final String BODIES = "bodyCache";

	public static final String MEETINGS = "meetingCache";

	public static final String MATTERS = "matterCache";

	public static final String ASSIGNMENTS = "assignmentCache";

	private final long entries;

	AggregateCacheConfiguration(@Value("${matterflow.aggregate-cache.entries:10000}") long entries) {
		this.entries = entries;
	}

	@Bean(destroyMethod = "close")
	CacheManager aggregateCacheManager() {
		return CacheManagerBuilder.newCacheManagerBuilder().build(true);
	}

	@Bean(BODIES)
	Cache bodyCache(CacheManager aggregateCacheManager) {
		return cache(aggregateCacheManager, "bodies");
	}

	@Bean(MEETINGS)
	Cache meetingCache(CacheManager aggregateCacheManager) {
		return cache(aggregateCacheManager, "meetings");
	}

	@Bean(MATTERS)
	Cache matterCache(CacheManager aggregateCacheManager) {
		return cache(aggregateCacheManager, "matters");
	}

	@Bean(ASSIGNMENTS)
	Cache assignmentCache(CacheManager aggregateCacheManager) {
		return cache(aggregateCacheManager, "assignments");
	}

	/**
	 * A cache of at most {@code matterflow.aggregate-cache.entries} aggregates of one
	 * kind, kept on the heap by reference (no copies, nothing serialized); none at all
	 * when that is 0.
	 */
	private Cache cache(CacheManager manager, String name) {
		if (this.entries <= 0) {
			return NoCache.INSTANCE;
		}
		org.ehcache.Cache<Object, Object> cache = manager.createCache(name, CacheConfigurationBuilder
			.newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(this.entries)));
		return new AggregateCache(new EhCache3Adapter((Ehcache<Object, Object>) cache));
	}

	/**
	 * Keeps the caches out of transactions that callers open around their commands (see
	 * {@link AggregateCache}).
	 */
	@Bean
	MessageDispatchInterceptor<CommandMessage<?>> aggregateCacheTransactionGuard() {
		return (messages) -> (index, command) -> {
			AggregateCache.commandDispatched();
			return command;
		};
	}

}
