package org.matterflow.query.feed;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.matterflow.kernel.InvalidValue;
import org.matterflow.query.common.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull feed: every event once, in order, as CloudEvents, from a cursor. A reader
 * keeps the {@code next} cursor of each page and asks again with {@code after=next}; an
 * empty page means it has everything for now. A cursor past the feed's newest event is
 * refused with 409 {@code UNKNOWN_POSITION}: it comes from before a restore of the
 * database. A reader that also sends {@code afterId}, the id of the event at its cursor
 * ({@code nextId} of its last page), is refused the same way when the feed holds another
 * event there, which is how a restore shows once new events have passed the cursor.
 */
@RestController
class FeedController {

	static final int MAX_LIMIT = 1000;

	private final Feed feed;

	FeedController(Feed feed) {
		this.feed = feed;
	}

	@Operation(summary = "Events in order as CloudEvents JSON, after a cursor, with the next cursor")
	@GetMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> events(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) String body, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String afterId) {
		if (after < 0) {
			throw new InvalidValue("after", "after is a feed position, 0 or more");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidValue("limit", "limit is between 1 and " + MAX_LIMIT);
		}
		PublishedLanguage.requirePublished("type", type);
		if (afterId != null) {
			if (after == 0) {
				throw new InvalidValue("afterId", "afterId is the id of the event at position after; 0 has none");
			}
			this.feed.requireEventAt(after, afterId);
		}
		List<Feed.Entry> entries = this.feed.after(after, limit, new Feed.Filter(type, body, matter));
		if (entries.isEmpty() && afterId == null) {
			// only a page with nothing after the cursor can have been asked from beyond
			// the end; a cursor whose event was found there is not
			this.feed.requireGivenOut("after", after);
		}
		long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
		String nextId = entries.isEmpty() ? afterId : entries.get(entries.size() - 1).eventId();
		StringBuilder page = new StringBuilder("{\"events\":[");
		for (int i = 0; i < entries.size(); i++) {
			page.append((i > 0) ? "," : "").append(entries.get(i).json());
		}
		page.append("],\"next\":").append(next);
		if (nextId != null) {
			page.append(",\"nextId\":\"").append(nextId).append('"');
		}
		page.append(",\"more\":").append(entries.size() == limit).append('}');
		// the filters as the client sent them: a '+', a '&' or a letter outside ASCII in
		// one comes back as it was sent
		return ResponseEntity.ok()
			.header(HttpHeaders.LINK, Page.nextLink("after", String.valueOf(next), "afterId", nextId))
			.body(page.toString());
	}

}
