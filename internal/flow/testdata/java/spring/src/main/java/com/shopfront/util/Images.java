package com.shopfront.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

public final class Images {
    private Images() {}

    public static byte[] read(String name) throws IOException {
        return Files.readAllBytes(Paths.get("/srv/images", name)); // want: path-traversal via=query
    }
}
