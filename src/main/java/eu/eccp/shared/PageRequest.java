package eu.eccp.shared;

/** Which page of a listing the caller asks for; sizes are capped so that nobody pages the whole table at once. */
public record PageRequest(int page, int size) {

	public static final int DEFAULT_SIZE = 50;
	public static final int MAX_SIZE = 500;

	public PageRequest {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	/**
	 * The page a listing page asks for with {@code ?page=}: a missing or negative number is the first page (a page
	 * never fails on a number typed into the address bar; the API refuses one with 400).
	 */
	public static PageRequest forPage(@org.jspecify.annotations.Nullable Integer page, int size) {
		return new PageRequest(page == null ? 0 : Math.max(page, 0), size);
	}

	public long offset() {
		return (long) page * size;
	}
}
