package org.backcare.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code total} counts every match so clients can draw a pager. */
@Schema(description = "A page of results")
public record PageOf<T>(List<T> items,
                        @Schema(example = "0") int page,
                        @Schema(example = "20") int size,
                        @Schema(example = "42") long total,
                        @Schema(example = "3") int totalPages) {

    public static <T> PageOf<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageOf<>(items, request.page(), request.size(), total, pages);
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
