package org.matterflow.query.bodies;

import org.axonframework.eventhandling.EventHandler;
import org.matterflow.kernel.body.*;
import org.matterflow.query.common.Statements;

import static org.matterflow.query.common.Rows.id;

/**
 * Writes one generation of the bodies read model; memberships are periods, never
 * overwritten.
 */
class BodiesProjection {

	private final Statements statements;

	BodiesProjection(Statements statements) {
		this.statements = statements;
	}

	@EventHandler
	void on(BodyEstablished event) {
		update("INSERT INTO {s}.body (body_id, name, kind, parent_body, mission, established_on) VALUES (?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.bodyId().value(), event.name(), event.kind().name(),
				id(event.parentBody()), event.mission(), event.establishedOn());
	}

	@EventHandler
	void on(BodyRenamed event) {
		update("UPDATE {s}.body SET name = ? WHERE body_id = ?", event.name(), event.bodyId().value());
	}

	@EventHandler
	void on(BodyDissolved event) {
		update("UPDATE {s}.body SET dissolved_on = ? WHERE body_id = ?", event.dissolvedOn(), event.bodyId().value());
	}

	@EventHandler
	void on(MemberAppointed event) {
		update("INSERT INTO {s}.membership (body_id, membership_id, person_id, name, organisation, title, role, from_date) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.bodyId().value(),
				event.membershipId().value(), event.personId().value(), event.name(), event.organisation(),
				event.title(), event.role().name(), event.from());
	}

	@EventHandler
	void on(MembershipEnded event) {
		update("UPDATE {s}.membership SET to_date = ? WHERE body_id = ? AND membership_id = ?", event.to(),
				event.bodyId().value(), event.membershipId().value());
	}

	@EventHandler
	void on(OfficerElected event) {
		update("INSERT INTO {s}.officer (body_id, person_id, name, role, from_date, at_meeting) VALUES (?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", event.bodyId().value(), event.personId().value(), event.name(),
				event.role().name(), event.from(), id(event.atMeeting()));
	}

	private void update(String statement, Object... params) {
		this.statements.update(statement, params);
	}

}
