package org.matterflow.query.common;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Every list the query API answers, as CSV (RFC 4180) for spreadsheets and statistics
 * programs: asked for with {@code Accept: text/csv} or {@code ?format=csv}. The columns
 * are the JSON answer's fields in its order, one row per element; a nested value (a list
 * of assignees, a last step) is its JSON text. An empty list is its header alone, so that
 * a program reading it finds a table with no rows (the list answers are {@link Listing}s,
 * which know their columns without a row).
 *
 * <p>
 * A cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading {@code '}: a spreadsheet would otherwise run a recorded text such
 * as {@code =HYPERLINK(…)} as a formula (OWASP's CSV injection).
 */
public class CsvRows extends AbstractHttpMessageConverter<List<?>> {

	public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final CsvMapper MAPPER = CsvMapper.builder().build();

	public CsvRows() {
		super(StandardCharsets.UTF_8, CSV);
	}

	/**
	 * Registers it after every other converter, not as a bean of its own: a client that
	 * accepts anything keeps getting JSON, which comes first.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		ServerHttpMessageConvertersCustomizer csvRowsLast() {
			return (builder) -> builder.configureMessageConvertersList((converters) -> converters.add(new CsvRows()));
		}

	}

	/**
	 * Names the file after the list, {@code decisions.csv} for {@code /api/decisions}: a
	 * researcher who opens an export's address in a browser gets a file that a
	 * spreadsheet program recognizes, not one called {@code decisions}.
	 */
	@Override
	protected void addDefaultHeaders(HttpHeaders headers, List<?> rows, MediaType type) throws IOException {
		super.addDefaultHeaders(headers, rows, type);
		if (headers.getFirst(HttpHeaders.CONTENT_DISPOSITION) == null
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			String path = request.getRequest().getRequestURI();
			String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "");
			headers.setContentDisposition(
					ContentDisposition.attachment().filename((name.isEmpty() ? "list" : name) + ".csv").build());
		}
	}

	@Override
	protected boolean supports(Class<?> type) {
		return List.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected List<?> readInternal(Class<? extends List<?>> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is written, not read", input);
	}

	@Override
	protected void writeInternal(List<?> rows, HttpOutputMessage output) throws IOException {
		List<String> columns = columns(rows);
		if (columns.isEmpty()) {
			return;
		}
		CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n");
		columns.forEach(schema::addColumn);
		Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
		try (SequenceWriter sequence = MAPPER.writer(schema.build())
			.without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
			.writeValues(writer)) {
			// the header as a row of its own: the generator's own header waits for a row
			sequence.write(columns);
			for (Object row : rows) {
				List<String> cells = new ArrayList<>(columns.size());
				for (String column : columns) {
					cells.add(cell(((Map<?, ?>) row).get(column)));
				}
				sequence.write(cells);
			}
		}
		writer.flush();
	}

	private static List<String> columns(List<?> rows) {
		if (rows instanceof Listing listing) {
			return listing.columns();
		}
		List<String> columns = new ArrayList<>();
		if (!rows.isEmpty() && rows.get(0) instanceof Map<?, ?> first) {
			first.keySet().forEach((column) -> columns.add(String.valueOf(column)));
		}
		return columns;
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof Map<?, ?> || value instanceof List<?>) ? Json.write(value) : value.toString();
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
