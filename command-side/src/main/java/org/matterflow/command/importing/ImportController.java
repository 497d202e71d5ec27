package org.matterflow.command.importing;

import io.swagger.v3.oas.annotations.Operation;
import org.matterflow.command.common.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Takes a meeting record (or a record of the bodies and their members) as YAML, the way a
 * secretary writes down minutes, and records it whole or not at all.
 */
@RestController
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportController {

	private final RecordImporter importer;

	ImportController(RecordImporter importer) {
		this.importer = importer;
	}

	@Operation(summary = "Record a meeting record or a structure record (YAML, see docs/meeting-records.md)")
	@PostMapping(path = "/api/imports",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE })
	RecordImporter.Report importRecord(@RequestBody String record) {
		return this.importer.importRecord(record);
	}

	@ExceptionHandler(RecordProblem.class)
	ResponseEntity<ProblemDetail> refused(RecordProblem ex) {
		HttpStatus status = ProblemAdvice.statusOf(ex.code());
		ProblemDetail problem = ProblemAdvice.problem(status, ex.code(),
				ex.describe() + ". Nothing of the record was recorded.");
		problem.setProperty("line", ex.line());
		problem.setProperty("entry", ex.where());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
