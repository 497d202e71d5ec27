package org.matterflow.command.infrastructure;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An aggregate cache that stays out of transactions a caller opened around its commands.
 *
 * <p>
 * A command's unit of work puts its aggregates into the cache when it commits. When the
 * command joined a transaction of its caller (an import takes a whole meeting record in
 * one), that commit is not the database's: the events are still uncommitted and may yet
 * be rolled back with the rest of the record. An entry put then would show other commands
 * events the store may never keep, and after a rollback would make the corrected record's
 * commands look like repeats. So while a caller's transaction is open, this cache answers
 * nothing and drops what would be put; the aggregates are read from the store, which
 * shows the transaction its own events. When the transaction ends, the aggregates it
 * touched are dropped once more, in case a command outside it cached one meanwhile from
 * what the store showed before.
 */
final class AggregateCache implements Cache {

	private static final Object IN_CALLERS_TRANSACTION = new Object();

	private final Cache delegate;

	AggregateCache(Cache delegate) {
		this.delegate = delegate;
	}

	/**
	 * Marks the current transaction, if there is one, as the caller's: called as a
	 * command is dispatched, before its unit of work joins it.
	 */
	static void commandDispatched() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(IN_CALLERS_TRANSACTION)) {
			return;
		}
		Set<Touched> touched = new HashSet<>();
		TransactionSynchronizationManager.bindResource(IN_CALLERS_TRANSACTION, touched);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(IN_CALLERS_TRANSACTION);
				touched.forEach((entry) -> entry.cache().remove(entry.key()));
			}
		});
	}

	private record Touched(Cache cache, Object key) {
	}

	private static boolean inCallersTransaction() {
		return TransactionSynchronizationManager.hasResource(IN_CALLERS_TRANSACTION);
	}

	/** Drops the entry now and again when the caller's transaction ends. */
	@SuppressWarnings("unchecked")
	private void drop(Object key) {
		this.delegate.remove(key);
		((Set<Touched>) TransactionSynchronizationManager.getResource(IN_CALLERS_TRANSACTION))
			.add(new Touched(this.delegate, key));
	}

	@Override
	public <K, V> V get(K key) {
		return inCallersTransaction() ? null : this.delegate.get(key);
	}

	@Override
	public void put(Object key, Object value) {
		if (inCallersTransaction()) {
			drop(key);
		}
		else {
			this.delegate.put(key, value);
		}
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		if (inCallersTransaction()) {
			drop(key);
			return false;
		}
		return this.delegate.putIfAbsent(key, value);
	}

	@Override
	public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
		if (inCallersTransaction()) {
			drop(key);
			return valueSupplier.get();
		}
		return this.delegate.computeIfAbsent(key, valueSupplier);
	}

	@Override
	public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
		if (inCallersTransaction()) {
			drop(key);
		}
		else {
			this.delegate.computeIfPresent(key, update);
		}
	}

	@Override
	public boolean remove(Object key) {
		return this.delegate.remove(key);
	}

	@Override
	public void removeAll() {
		this.delegate.removeAll();
	}

	@Override
	public boolean containsKey(Object key) {
		return !inCallersTransaction() && this.delegate.containsKey(key);
	}

	@Override
	public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
		return this.delegate.registerCacheEntryListener(cacheEntryListener);
	}

}
