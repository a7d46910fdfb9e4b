package com.shopfront.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.shopfront.util.Images;

@RestController
public class FileController {
    private static final String ROOT = "/srv/images";

    @GetMapping("/images/download")
    public byte[] download(@RequestParam("image") String image) throws IOException {
        String path = ROOT + File.separator + image;
        File f = new File(path); // want: path-traversal via=query
        try (InputStream in = new FileInputStream(f)) {
            return in.readAllBytes();
        }
    }

    @GetMapping("/images/thumb")
    public byte[] thumb(@RequestParam("image") String image) throws IOException {
        return Images.read(image);
    }

    // Lookalikes: the file's base name only, and a path normalized and
    // kept under the root.
    @GetMapping("/images/name")
    public byte[] byName(@RequestParam("image") String image) throws IOException {
        String name = FilenameUtils.getName(image);
        return Files.readAllBytes(Paths.get(ROOT, name));
    }

    @GetMapping("/images/base")
    public byte[] base(@RequestParam("image") String image) throws IOException {
        String name = new File(image).getName();
        return Files.readAllBytes(Paths.get(ROOT, name));
    }

    @GetMapping("/images/under")
    public byte[] under(@RequestParam("image") String image) throws IOException {
        Path root = Paths.get(ROOT);
        Path p = root.resolve(image).normalize();
        if (!p.startsWith(root)) {
            throw new SecurityException("outside the image folder");
        }
        return Files.readAllBytes(p);
    }
}
