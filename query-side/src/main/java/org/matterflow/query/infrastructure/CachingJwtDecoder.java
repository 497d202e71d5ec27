package org.matterflow.query.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has checked, so that a client sending the same token with every
 * request pays for its check once: an RS256 signature, its issuer and its times cost some
 * 45 µs of CPU alone and about twice that on two busy cores, a quarter of what the query
 * side's request threads spend on a query (docs/performance.md).
 * <p>
 * A token is remembered until it expires and for {@code lifetime} at most, so that one
 * signed with a key the issuer has since withdrawn is refused at most that much later
 * than without the cache (the decoder itself trusts a key set it fetched for five
 * minutes; ADR 0019). One that fails its check is never remembered, so it is checked, and
 * refused, every time. Tokens are looked up by their whole text: only the very token that
 * was checked is answered.
 */
final class CachingJwtDecoder implements JwtDecoder, MeterBinder {

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> checked;

	private CachingJwtDecoder(JwtDecoder decoder, long size, Duration lifetime, Clock clock, Ticker ticker) {
		this.decoder = decoder;
		this.checked = Caffeine.newBuilder()
			.maximumSize(size)
			// how long a token is remembered is counted on the ticker, so that a step of
			// the wall clock (a correction of the machine's time) cannot lengthen it
			.ticker(ticker)
			.recordStats()
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> rememberedFor(jwt, lifetime, clock.instant())))
			.build();
	}

	/**
	 * {@code decoder} itself when {@code size} is 0, so that an operator can turn the
	 * cache off; otherwise {@code decoder} behind a cache of at most {@code size} tokens.
	 * A token's expiry is compared with {@code clock} once, when it is checked; from then
	 * on its time is counted by {@code ticker}.
	 */
	static JwtDecoder of(JwtDecoder decoder, long size, Duration lifetime, Clock clock, Ticker ticker) {
		if (size < 0 || lifetime.isNegative()) {
			throw new IllegalArgumentException(
					"the token cache's size and lifetime are 0 or more, not " + size + " and " + lifetime);
		}
		return (size == 0 || lifetime.isZero()) ? decoder
				: new CachingJwtDecoder(decoder, size, lifetime, clock, ticker);
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.checked.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		this.checked.put(token, jwt);
		return jwt;
	}

	/**
	 * The cache's hits and misses as {@code cache_gets_total{cache="checked-tokens"}}, so
	 * that an operator sees whether clients send their tokens again, as the cache
	 * assumes, or fetch one for every request.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.checked, "checked-tokens");
	}

	private static Duration rememberedFor(Jwt jwt, Duration lifetime, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return lifetime;
		}
		Duration left = Duration.between(now, expiresAt);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(lifetime) < 0 ? left : lifetime);
	}

}
