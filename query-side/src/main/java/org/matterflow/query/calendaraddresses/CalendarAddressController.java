package org.matterflow.query.calendaraddresses;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.matterflow.kernel.body.BodyId;
import org.matterflow.query.common.Listing;
import org.matterflow.query.common.NotFound;
import org.matterflow.query.meetings.CalendarFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar addresses: the meeting calendar at an address that holds its own secret, for
 * calendar programs, which cannot sign in with production's tokens. A signed-in reader
 * makes one (the secret is shown once), lists and removes their own; the address answers
 * whoever has it, until it is removed.
 */
@RestController
@Tag(name = "Meetings and calendar")
class CalendarAddressController {

	static final String PATH = "/calendar/";

	private final CalendarAddresses addresses;

	private final CalendarFiles calendars;

	private final String publicUrl;

	/**
	 * {@code publicUrl}: where calendar programs reach the query side
	 * ({@code matterflow.public-url}); the request's own address when it is not set.
	 */
	CalendarAddressController(CalendarAddresses addresses, CalendarFiles calendars,
			@Value("${matterflow.public-url:}") String publicUrl) {
		this.addresses = addresses;
		this.calendars = calendars;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** The body whose meetings the address shows; none for every body's. */
	record NewAddress(String body) {
	}

	// JSON only, as SubscriptionController#create
	@PostMapping(path = "/api/calendar-addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make a calendar address for a calendar program to subscribe to without signing in",
			description = "The answer's url (its path after matterflow.public-url, or after the request's own "
					+ "address when that is not set) is the calendar file of the body (or of every body); it holds a "
					+ "secret shown only here. Whoever has it reads the calendar until the address is removed.")
	ResponseEntity<Map<String, Object>> create(@RequestBody NewAddress request,
			@RequestParam(required = false) Long position, Principal principal) {
		if (request.body() != null) {
			// the form of a body's id first: text no id can have (U+0000 among it) would
			// otherwise reach the database
			BodyId.of(request.body());
			this.calendars.requireBody(request.body(), position);
		}
		String id = UUID.randomUUID().toString();
		String secret = CalendarAddresses.newSecret();
		this.addresses.create(id, secret, request.body(), principal.getName());
		Map<String, Object> view = new java.util.LinkedHashMap<>(owned(id, principal).view());
		view.put("path", PATH + secret + ".ics");
		// what a person pastes into a calendar program; behind a proxy the request's own
		// address is an internal one, so production names its public one
		view.put("url", (this.publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: this.publicUrl) + PATH + secret + ".ics");
		return ResponseEntity.created(URI.create("/api/calendar-addresses/" + id)).body(view);
	}

	@GetMapping("/api/calendar-addresses")
	@Operation(summary = "The calendar addresses the signed-in reader made, without their secrets")
	List<Map<String, Object>> list(Principal principal) {
		return Listing.of(
				this.addresses.ownedBy(principal.getName()).stream().map(CalendarAddresses.Address::view).toList(),
				CalendarAddresses.Address.VIEW_COLUMNS);
	}

	@DeleteMapping("/api/calendar-addresses/{id}")
	@Operation(summary = "Remove a calendar address: it answers 404 from then on")
	ResponseEntity<Void> delete(@PathVariable String id, Principal principal) {
		owned(id, principal);
		this.addresses.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = PATH + "{secret}.ics", produces = "text/calendar")
	@Operation(summary = "The calendar file at a calendar address (no sign-in: the address is the secret)")
	ResponseEntity<byte[]> calendar(@PathVariable String secret) {
		CalendarAddresses.Address address = this.addresses.read(secret)
			.orElseThrow(() -> new NotFound("there is no calendar at this address (removed, or never made)"));
		return this.calendars.answer(address.bodyId(), null, null, null);
	}

	private CalendarAddresses.Address owned(String id, Principal principal) {
		return this.addresses.find(id)
			.filter((address) -> address.owner().equals(principal.getName()))
			.orElseThrow(() -> new NotFound("calendar address", id));
	}

}
