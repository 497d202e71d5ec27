package org.matterflow.command.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A token checked once is answered from memory while it is valid and the issuer's key set
 * would be trusted; past either, and for every token that fails its check, the issuer's
 * decoder checks it again.
 */
class CachingJwtDecoderTest {

	static final Instant NOW = Instant.parse("2026-12-07T08:30:00Z");

	final MovingClock clock = new MovingClock(NOW);

	/**
	 * The issuer's decoder: a token "valid-for-PT1H" expires an hour after it was made.
	 */
	final Issuer issuer = new Issuer(this.clock);

	final JwtDecoder decoder = CachingJwtDecoder.of(this.issuer, 100, Duration.ofMinutes(5), this.clock,
			this.clock::nanos);

	@Test
	void a_token_is_checked_once_while_it_is_valid() {
		Jwt first = this.decoder.decode("valid-for-PT1H");
		this.clock.pass(Duration.ofMinutes(4));
		Jwt second = this.decoder.decode("valid-for-PT1H");

		assertThat(second).isSameAs(first);
		assertThat(this.issuer.checked).containsExactly("valid-for-PT1H");
	}

	@Test
	void a_token_is_checked_again_once_the_issuers_key_set_would_be_fetched_again() {
		this.decoder.decode("valid-for-PT1H");
		this.clock.pass(Duration.ofMinutes(5));
		this.decoder.decode("valid-for-PT1H");

		assertThat(this.issuer.checked).containsExactly("valid-for-PT1H", "valid-for-PT1H");
	}

	@Test
	void a_token_that_has_expired_is_refused_though_it_was_checked_before() {
		this.decoder.decode("valid-for-PT2M");
		this.clock.pass(Duration.ofMinutes(1));
		this.decoder.decode("valid-for-PT2M");
		this.clock.pass(Duration.ofMinutes(1));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("valid-for-PT2M"))
			.withMessageContaining("expired");
		assertThat(this.issuer.checked).containsExactly("valid-for-PT2M", "valid-for-PT2M");
	}

	@Test
	void a_refused_token_is_checked_and_refused_every_time() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));

		assertThat(this.issuer.checked).containsExactly("forged", "forged");
	}

	@Test
	void each_token_is_answered_for_itself() {
		Jwt secretary = this.decoder.decode("valid-for-PT1H");
		Jwt auditor = this.decoder.decode("valid-for-PT30M");

		assertThat(secretary.getTokenValue()).isEqualTo("valid-for-PT1H");
		assertThat(auditor.getTokenValue()).isEqualTo("valid-for-PT30M");
		assertThat(this.decoder.decode("valid-for-PT30M")).isSameAs(auditor);
		assertThat(this.issuer.checked).containsExactly("valid-for-PT1H", "valid-for-PT30M");
	}

	@Test
	void an_operator_sees_how_often_a_token_was_known() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		((MeterBinder) this.decoder).bindTo(registry);
		this.decoder.decode("valid-for-PT1H");
		this.decoder.decode("valid-for-PT1H");
		this.decoder.decode("valid-for-PT1H");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));

		assertThat(
				registry.get("cache.gets").tags("cache", "checked-tokens", "result", "hit").functionCounter().count())
			.isEqualTo(2);
		assertThat(
				registry.get("cache.gets").tags("cache", "checked-tokens", "result", "miss").functionCounter().count())
			.isEqualTo(2);
	}

	@Test
	void a_size_of_nothing_checks_every_token() {
		JwtDecoder uncached = CachingJwtDecoder.of(this.issuer, 0, Duration.ofMinutes(5), this.clock,
				this.clock::nanos);
		uncached.decode("valid-for-PT1H");
		uncached.decode("valid-for-PT1H");

		assertThat(uncached).isSameAs(this.issuer);
		assertThat(this.issuer.checked).containsExactly("valid-for-PT1H", "valid-for-PT1H");
	}

	@Test
	void a_negative_size_or_lifetime_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> CachingJwtDecoder.of(this.issuer, -1, Duration.ofMinutes(5), this.clock, this.clock::nanos));
		assertThatIllegalArgumentException().isThrownBy(
				() -> CachingJwtDecoder.of(this.issuer, 100, Duration.ofMinutes(-5), this.clock, this.clock::nanos));
	}

	/**
	 * Checks a token named {@code valid-for-<duration>} as an issuer's decoder checks
	 * expiry (without Spring Security's minute of leeway), made at the first check;
	 * refuses any other.
	 */
	static final class Issuer implements JwtDecoder {

		final List<String> checked = new ArrayList<>();

		private final Clock clock;

		private Instant issuedAt;

		Issuer(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Jwt decode(String token) {
			this.checked.add(token);
			if (!token.startsWith("valid-for-")) {
				throw new BadJwtException("not signed by the issuer");
			}
			if (this.issuedAt == null) {
				this.issuedAt = this.clock.instant();
			}
			Instant expiresAt = this.issuedAt.plus(Duration.parse(token.substring("valid-for-".length())));
			if (!this.clock.instant().isBefore(expiresAt)) {
				throw new BadJwtException("the token expired at " + expiresAt);
			}
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("maria.lindborg")
				.issuedAt(this.issuedAt)
				.expiresAt(expiresAt)
				.build();
		}

	}

	static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		void pass(Duration time) {
			this.now = this.now.plus(time);
		}

		/** The cache's ticker, which moves with this clock. */
		long nanos() {
			return TimeUnit.MILLISECONDS.toNanos(millis());
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
