package org.backcare.platform.export;

/** Thrown out of a source when its job was cancelled or taken over by another run: the run stops, quietly. */
final class ExportStopped extends RuntimeException {

    ExportStopped() {
        super("the export was cancelled or taken over", null, false, false);
    }
}
