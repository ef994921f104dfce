package org.backcare.platform.export;

/** One NDJSON file of a completed export: every exported resource of one type, stored as {@code chunks} chunks. */
public record ExportFile(String type, String fileName, long count, int chunks) {

    public static String nameOf(String type) {
        return type + ".ndjson";
    }
}
