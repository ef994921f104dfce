package org.backcare.patient.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Where export files live: one folder per job under {@code backcare.export.dir} (default: a temp folder). */
@ApplicationScoped
public class ExportFiles {

    private final Path root;

    public ExportFiles(@ConfigProperty(name = "backcare.export.dir") Optional<String> dir) {
        this.root = dir.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "backcare-patient-export"));
    }

    public Path folder(UUID job) {
        return root.resolve(job.toString());
    }

    public Path file(UUID job, String fileName) {
        return folder(job).resolve(fileName);
    }

    public Path create(UUID job) {
        try {
            return Files.createDirectories(folder(job));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export folder " + folder(job), e);
        }
    }

    /** Removes a job's folder and everything in it; quiet when it is already gone. */
    public void delete(UUID job) {
        Path folder = folder(job);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the export folder " + folder, e);
        }
    }
}
