package eu.eccp.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the same shape for every list in the API: {@code items}, the zero-based
 * {@code page}, the {@code size} asked for and the {@code total} number of items.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public Page {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}
}
