package org.backcare.tracking.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Where the NDJSON files of exports live: {backcare.export.dir}/{jobId}/{Type}.ndjson. */
@ApplicationScoped
public class ExportFiles {

    private static final Logger LOG = Logger.getLogger(ExportFiles.class);

    private final Path root;

    public ExportFiles(@ConfigProperty(name = "backcare.export.dir") Path root) {
        this.root = root;
    }

    public Path directory(UUID jobId) {
        return root.resolve(jobId.toString());
    }

    public Path file(UUID jobId, String fileName) {
        return directory(jobId).resolve(fileName);
    }

    public static String fileName(String type) {
        return type + ".ndjson";
    }

    public Path create(UUID jobId) {
        try {
            return Files.createDirectories(directory(jobId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export directory " + directory(jobId), e);
        }
    }

    public void delete(UUID jobId) {
        Path dir = directory(jobId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", dir, e.getMessage());
        }
    }
}
