package org.matterflow.kernel.body;

/** What kind of body it is in the collaboration structure. */
public enum BodyKind {

	/** A political council that keeps formal minutes (protokoll). */
	COUNCIL,
	/** Managers of the partners; keeps notes (minnesanteckningar). */
	MANAGEMENT_GROUP,
	/** Several management groups together (gemensam chefsgrupp). */
	JOINT_MANAGEMENT_GROUP,
	/** Prepares the agendas of a management group (arbetsutskott). */
	WORKING_COMMITTEE,
	/** A local group for one part of the county (länsdelsgrupp). */
	COUNTY_PART_GROUP,
	/** Appointed by a body, with named members and a mission. */
	WORKING_GROUP,
	/** A standing coordination or steering group a question can be referred to. */
	COORDINATION_GROUP,
	/** The group of municipal and regional directors. */
	DIRECTORS_GROUP,
	/** A board that takes formal decisions, such as the regional executive board. */
	EXECUTIVE_BOARD,
	/** Any other body. */
	OTHER

}
