package dev.skysocket.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The gateway's image tar as {@code docker load} reads it: {@code manifest.json} names the config and the layers
 * (gzipped tars, applied in order). Reads the config, lists every file with its mode, and extracts the layers
 * into a directory so the image's own programs can be run.
 */
final class GatewayImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path tar;
    private final JsonNode manifest;
    private final JsonNode config;

    private GatewayImage(Path tar, JsonNode manifest, JsonNode config) {
        this.tar = tar;
        this.manifest = manifest;
        this.config = config;
    }

    static GatewayImage open(Path tar) throws IOException {
        JsonNode manifest = JSON.readTree(member(tar, "manifest.json"));
        if (!manifest.isArray() || manifest.size() != 1) {
            throw new AssertionError("manifest.json holds one image, not " + manifest);
        }
        JsonNode config = JSON.readTree(member(tar, manifest.get(0).path("Config").asText()));
        return new GatewayImage(tar, manifest.get(0), config);
    }

    /** The config's {@code config} object: Entrypoint, ExposedPorts, User, Env, WorkingDir. */
    JsonNode containerConfig() {
        return config.path("config");
    }

    JsonNode config() {
        return config;
    }

    List<String> repoTags() {
        List<String> tags = new ArrayList<>();
        manifest.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    List<String> layers() {
        List<String> layers = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> layers.add(layer.asText()));
        return layers;
    }

    /** Absolute path → mode of every regular file in the layers (a later layer's file wins). */
    Map<String, Integer> files() throws IOException {
        Map<String, Integer> files = new LinkedHashMap<>();
        for (String layer : layers()) {
            try (TarArchiveInputStream entries = layer(layer)) {
                for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    if (entry.isFile()) {
                        files.put(absolute(entry.getName()), entry.getMode());
                    }
                }
            }
        }
        return files;
    }

    /** Writes every layer into {@code root}, in order, with the modes the layers give. */
    void extractTo(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        for (String layer : layers()) {
            try (TarArchiveInputStream entries = layer(layer)) {
                for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path target = base.resolve(entry.getName()).normalize();
                    if (!target.startsWith(base)) {
                        throw new IOException("layer entry outside the root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        continue;
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        continue;
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private TarArchiveInputStream layer(String name) throws IOException {
        TarArchiveInputStream outer = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)));
        for (TarArchiveEntry entry = outer.getNextEntry(); entry != null; entry = outer.getNextEntry()) {
            if (entry.getName().equals(name)) {
                InputStream body = name.endsWith(".gz") ? new GzipCompressorInputStream(outer) : outer;
                return new TarArchiveInputStream(body);
            }
        }
        outer.close();
        throw new AssertionError("the image tar has no layer " + name);
    }

    private static byte[] member(Path tar, String name) throws IOException {
        try (TarArchiveInputStream entries = new TarArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return entries.readAllBytes();
                }
            }
        }
        throw new AssertionError(tar + " has no " + name);
    }

    private static String absolute(String name) {
        String path = name.startsWith("./") ? name.substring(1) : name;
        return path.startsWith("/") ? path : "/" + path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
