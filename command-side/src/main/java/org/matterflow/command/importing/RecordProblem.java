package org.matterflow.command.importing;

import org.matterflow.kernel.ErrorCode;

/**
 * Why a record was refused, and where: the line and the entry (such as
 * {@code agenda[3] (item 4).decisions[0]}). Nothing of a refused record is recorded.
 */
class RecordProblem extends RuntimeException {

	private final int line;

	private final String where;

	private final ErrorCode code;

	RecordProblem(int line, String where, String message) {
		this(line, where, ErrorCode.INVALID_REQUEST, message);
	}

	RecordProblem(int line, String where, ErrorCode code, String message) {
		super(message);
		this.line = line;
		this.where = where;
		this.code = code;
	}

	int line() {
		return this.line;
	}

	String where() {
		return this.where;
	}

	ErrorCode code() {
		return this.code;
	}

	/** The message as a secretary reads it: where, then what. */
	String describe() {
		return "line " + this.line + ", " + this.where + ": " + getMessage();
	}

}
