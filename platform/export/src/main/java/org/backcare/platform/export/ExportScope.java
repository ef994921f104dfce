package org.backcare.platform.export;

import java.time.Instant;
import java.util.List;

/**
 * What one run of an export streams: resources of these types changed after {@code since} (all when null) and at
 * or before {@code until} (the job's transactionTime, so that the next export's {@code _since} leaves no gap).
 * {@code fetchSize} is how many rows a source should fetch per round trip and keep in its persistence context.
 */
public record ExportScope(List<String> types, Instant since, Instant until, int fetchSize) {

    public boolean wants(String type) {
        return types.contains(type);
    }
}
