package eu.eccp.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a filtered listing: counts the matching rows, then reads the page, with the same condition. */
public final class PagedQuery {

	private PagedQuery() {
	}

	/**
	 * Runs {@code SELECT count(*) FROM from WHERE where} and {@code SELECT columns FROM from WHERE where
	 * ORDER BY orderBy LIMIT/OFFSET}; {@code where} uses the named {@code parameters}.
	 */
	public static <T> Page<T> page(JdbcClient jdbc, String columns, String from, String where,
			Map<String, Object> parameters, String orderBy, PageRequest page, RowMapper<T> mapper) {
		long total = jdbc.sql("SELECT count(*) FROM " + from + " WHERE " + where)
			.params(parameters)
			.query(Long.class)
			.single();
		Map<String, Object> withPage = new LinkedHashMap<>(parameters);
		withPage.put("page_limit", page.size());
		withPage.put("page_offset", page.offset());
		List<T> items = jdbc.sql("SELECT " + columns + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy
				+ " LIMIT :page_limit OFFSET :page_offset")
			.params(withPage)
			.query(mapper)
			.list();
		return new Page<>(items, page.page(), page.size(), total);
	}
}
