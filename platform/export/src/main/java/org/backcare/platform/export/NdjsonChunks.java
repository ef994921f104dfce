package org.backcare.platform.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * One NDJSON file being written: lines are buffered up to the chunk size, then handed to the store as one chunk.
 * Memory per file is one chunk, however large the export. Plain code, unit-tested without Quarkus.
 */
final class NdjsonChunks {

    private final String type;
    private final int chunkSize;
    private final BiConsumer<Integer, byte[]> store;
    private final ByteArrayOutputStream buffer;
    private long count;
    private int chunks;

    NdjsonChunks(String type, int chunkSize, BiConsumer<Integer, byte[]> store) {
        this.type = type;
        this.chunkSize = chunkSize;
        this.store = store;
        this.buffer = new ByteArrayOutputStream(Math.min(chunkSize, 64 * 1024));
    }

    void line(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        buffer.write('\n');
        count++;
        if (buffer.size() >= chunkSize) {
            flush();
        }
    }

    /** Stores what is buffered; the file is complete once this returns after the last line. */
    void flush() {
        if (buffer.size() > 0) {
            store.accept(chunks++, buffer.toByteArray());
            buffer.reset();
        }
    }

    long count() {
        return count;
    }

    ExportFile file() {
        return new ExportFile(type, ExportFile.nameOf(type), count, chunks);
    }
}
