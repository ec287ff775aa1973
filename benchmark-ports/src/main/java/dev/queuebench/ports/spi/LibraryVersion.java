package dev.queuebench.ports.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the library a backend drives, for its descriptor and every run's fingerprint. */
public final class LibraryVersion {

    private LibraryVersion() {
    }

    /**
     * From the jar's manifest ({@code Implementation-Version}), or else from the Maven metadata the jar carries
     * ({@code META-INF/maven/<group>/<artifact>/pom.properties}); {@code unknown} when neither says.
     *
     * @param libraryClass any class of the library's jar
     */
    public static String of(Class<?> libraryClass, String groupId, String artifactId) {
        String manifest = libraryClass.getPackage() == null ? null : libraryClass.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        String metadata = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = libraryClass.getResourceAsStream(metadata)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + metadata, e);
        }
    }
}
