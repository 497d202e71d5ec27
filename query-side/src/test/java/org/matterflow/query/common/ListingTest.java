package org.matterflow.query.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ListingTest {

	@Test
	void a_listing_without_rows_still_names_the_columns_of_its_view() {
		Listing listing = Listing.of(List.of(), ListingTest::view);

		assertThat(listing).isEmpty();
		assertThat(listing.columns()).containsExactly("matterId", "title", "closed");
	}

	@Test
	void a_listing_holds_the_views_of_its_rows_in_order() {
		Listing listing = Listing.of(List.of(Map.of("matter_id", "m-1", "title", "Plan", "closed", true),
				Map.of("matter_id", "m-2", "title", "Budget", "closed", false)), ListingTest::view);

		assertThat(listing).extracting((view) -> view.get("matterId")).containsExactly("m-1", "m-2");
		assertThat(listing).isEqualTo(List.of(view(Map.of("matter_id", "m-1", "title", "Plan", "closed", true)),
				view(Map.of("matter_id", "m-2", "title", "Budget", "closed", false))));
	}

	@Test
	void a_view_that_leaves_a_field_out_for_some_rows_is_refused() {
		assertThatIllegalStateException().isThrownBy(() -> Listing.of(List.of(Map.of("title", "Plan")), (row) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			if (row.get("title") != null) {
				view.put("title", row.get("title"));
			}
			return view;
		})).withMessageContaining("[title]");
	}

	@Test
	void views_made_beforehand_must_have_the_columns_they_are_listed_with() {
		Map<String, Object> view = view(Map.of("matter_id", "m-1", "title", "Plan", "closed", true));

		assertThat(Listing.of(List.of(view), List.of("matterId", "title", "closed"))).containsExactly(view);
		assertThatIllegalStateException().isThrownBy(() -> Listing.of(List.of(view), List.of("matterId", "title")))
			.withMessageContaining("[matterId, title, closed]");
	}

	private static Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("matterId", row.get("matter_id"));
		view.put("title", row.get("title"));
		view.put("closed", Boolean.TRUE.equals(row.get("closed")));
		return view;
	}

}
