package org.matterflow.query.calendaraddresses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calendar addresses and their secrets. A secret is 256 random bits, shown once when the
 * address is made; only its SHA-256 is kept.
 */
@Component
class CalendarAddresses {

	/** An address as its owner sees it, without its secret. */
	record Address(String id, String bodyId, String owner, Timestamp createdAt, Timestamp lastReadAt) {

		static final List<String> VIEW_COLUMNS = List.of("id", "body", "createdAt", "lastReadAt");

		Map<String, Object> view() {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", this.id);
			view.put("body", this.bodyId);
			view.put("createdAt", this.createdAt.toInstant().toString());
			view.put("lastReadAt", (this.lastReadAt != null) ? this.lastReadAt.toInstant().toString() : null);
			return view;
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	CalendarAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String newSecret() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	void create(String id, String secret, String bodyId, String owner) {
		this.jdbc.sql("INSERT INTO projections.calendar_address (id, secret_hash, body_id, owner) VALUES (?, ?, ?, ?)")
			.params(id, hash(secret), bodyId, owner)
			.update();
	}

	Optional<Address> find(String id) {
		return this.jdbc
			.sql("SELECT id, body_id, owner, created_at, last_read_at FROM projections.calendar_address WHERE id = ?")
			.param(id)
			.query(Address.class)
			.optional();
	}

	List<Address> ownedBy(String owner) {
		return this.jdbc
			.sql("SELECT id, body_id, owner, created_at, last_read_at FROM projections.calendar_address "
					+ "WHERE owner = ? ORDER BY created_at, id")
			.param(owner)
			.query(Address.class)
			.list();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM projections.calendar_address WHERE id = ?").param(id).update();
	}

	/** The address of a secret, noted as read now. */
	Optional<Address> read(String secret) {
		return this.jdbc
			.sql("UPDATE projections.calendar_address SET last_read_at = now() WHERE secret_hash = ? "
					+ "RETURNING id, body_id, owner, created_at, last_read_at")
			.param(hash(secret))
			.query(Address.class)
			.optional();
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
