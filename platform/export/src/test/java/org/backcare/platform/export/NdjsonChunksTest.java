package org.backcare.platform.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonChunksTest {

    @Test
    void linesAreStoredInChunksOfAboutTheChunkSizeAndReassembleToTheFile() {
        List<byte[]> stored = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        NdjsonChunks file = new NdjsonChunks("Observation", 64, (seq, data) -> {
            seqs.add(seq);
            stored.add(data);
        });
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String line = "{\"resourceType\":\"Observation\",\"id\":\"" + i + "\"}";
            file.line(line);
            expected.append(line).append('\n');
        }
        file.flush();

        assertThat(seqs).isEqualTo(java.util.stream.IntStream.range(0, stored.size()).boxed().toList());
        assertThat(stored).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.length).isLessThan(64 + 50));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        stored.forEach(whole::writeBytes);
        assertThat(whole.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(file.file()).isEqualTo(new ExportFile("Observation", "Observation.ndjson", 20, stored.size()));
    }

    @Test
    void aFileWithoutLinesStoresNothing() {
        List<byte[]> stored = new ArrayList<>();
        NdjsonChunks file = new NdjsonChunks("Goal", 1024, (seq, data) -> stored.add(data));
        file.flush();
        assertThat(stored).isEmpty();
        assertThat(file.file().count()).isZero();
    }

    @Test
    void aFlushAfterTheLastFullChunkAddsNothing() {
        List<byte[]> stored = new ArrayList<>();
        NdjsonChunks file = new NdjsonChunks("Goal", 4, (seq, data) -> stored.add(data));
        file.line("{}}");
        file.flush();
        assertThat(stored).hasSize(1);
    }
}
