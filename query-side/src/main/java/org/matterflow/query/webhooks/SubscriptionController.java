package org.matterflow.query.webhooks;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.matterflow.kernel.Identifier;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.query.common.Listing;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.feed.Feed;
import org.matterflow.query.feed.PublishedLanguage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of the signed-in integration: create (the secret is shown once),
 * list, read with its delivery log, pause, resume from where delivery stopped, delete.
 * These are the integration's own settings, not part of the record, which is why the read
 * side takes them.
 */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final Feed feed;

	SubscriptionController(Subscriptions subscriptions, Feed feed) {
		this.subscriptions = subscriptions;
		this.feed = feed;
	}

	/**
	 * A new subscription: where to deliver, which published types (none means all), an
	 * optional secret ({@code whsec_…}; generated when absent) and where to start: after
	 * a feed position, or by default from now on.
	 */
	record NewSubscription(String id, String url, List<String> types, String secret, Long after) {
	}

	@Operation(summary = "Subscribe a URL to events; deliveries are signed with the secret in the answer")
	// JSON only: the YAML this side answers in would be read by a mapper of Spring's
	// own, which drops a misspelt field instead of refusing it
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@RequestBody NewSubscription request, Principal principal) {
		String id = (request.id() != null) ? Identifier.check(request.id(), "id") : UUID.randomUUID().toString();
		String url = url(request.url());
		List<String> types = (request.types() != null) ? request.types() : List.of();
		PublishedLanguage.requirePublished("types", types);
		String secret = (request.secret() != null) ? WebhookSignature.checked(request.secret())
				: WebhookSignature.newSecret();
		long after = (request.after() != null) ? request.after() : this.feed.head();
		if (after < 0) {
			throw new InvalidValue("after", "after is a feed position, 0 or more");
		}
		this.feed.requireGivenOut("after", after);
		if (this.subscriptions.find(id).isPresent()) {
			throw new org.matterflow.query.common.Conflict("there is already a subscription with id '" + id + "'");
		}
		this.subscriptions.create(id, url, types, secret, principal.getName(), after);
		Map<String, Object> view = new java.util.LinkedHashMap<>(owned(id, principal).view());
		view.put("secret", secret);
		return ResponseEntity.created(URI.create("/api/subscriptions/" + id)).body(view);
	}

	@Operation(summary = "The subscriptions of the signed-in integration")
	@GetMapping
	List<Map<String, Object>> list(Principal principal) {
		return Listing.of(
				this.subscriptions.ownedBy(principal.getName()).stream().map(Subscriptions.Subscription::view).toList(),
				Subscriptions.Subscription.VIEW_COLUMNS);
	}

	@Operation(summary = "One subscription and its latest delivery attempts")
	@GetMapping("/{id}")
	Map<String, Object> read(@PathVariable String id, @RequestParam(defaultValue = "50") int deliveries,
			Principal principal) {
		Map<String, Object> view = new java.util.LinkedHashMap<>(owned(id, principal).view());
		view.put("deliveries", this.subscriptions.deliveries(id, Math.max(1, Math.min(deliveries, 1000))));
		return view;
	}

	@Operation(summary = "Stop deliveries until the subscription is resumed")
	@PostMapping("/{id}/pause")
	Map<String, Object> pause(@PathVariable String id, Principal principal) {
		owned(id, principal);
		this.subscriptions.pause(id, "paused by " + principal.getName());
		return owned(id, principal).view();
	}

	@Operation(summary = "Resume deliveries from the first event not yet delivered")
	@PostMapping("/{id}/resume")
	Map<String, Object> resume(@PathVariable String id, Principal principal) {
		owned(id, principal);
		this.subscriptions.resume(id);
		return owned(id, principal).view();
	}

	@Operation(summary = "Remove the subscription and its delivery log")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, Principal principal) {
		owned(id, principal);
		this.subscriptions.delete(id);
		return ResponseEntity.noContent().build();
	}

	private Subscriptions.Subscription owned(String id, Principal principal) {
		return this.subscriptions.find(id)
			.filter((subscription) -> subscription.owner().equals(principal.getName()))
			.orElseThrow(() -> new NotFound("subscription", id));
	}

	private static String url(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidValue("url", "url is required: where deliveries are sent");
		}
		try {
			URI uri = URI.create(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
				throw new InvalidValue("url", "url is an http or https address, not '" + url + "'");
			}
			return uri.toString();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValue("url", "url is not a valid address: '" + url + "'");
		}
	}

}
