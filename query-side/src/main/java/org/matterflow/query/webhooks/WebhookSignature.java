package org.matterflow.query.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.matterflow.kernel.InvalidValue;

/**
 * Signs deliveries as the Standard Webhooks specification says: the secret is
 * {@code whsec_} and base64 key bytes; the signature is
 * {@code v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}, sent in the
 * {@code webhook-signature} header beside {@code webhook-id} and
 * {@code webhook-timestamp}.
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** Refuses a secret that is not {@code whsec_} and 24 to 64 base64 key bytes. */
	static String checked(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			throw new InvalidValue("secret", "a webhook secret starts with whsec_ followed by base64 key bytes");
		}
		try {
			int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
			if (length < 24 || length > 64) {
				throw new InvalidValue("secret", "a webhook secret holds 24 to 64 key bytes, not " + length);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValue("secret", "the part of the secret after whsec_ is not base64");
		}
		return secret;
	}

	static String sign(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
