// Lookalike: the endpoint is always handed from settings, but the
// settings name an Amazon host: Amazon S3.
package app.storage;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

@ConfigurationProperties(prefix = "storage.s3")
public class S3Config {
    private String region;
    private String endpoint;
    private String bucket;

    @Bean
    public S3Client s3Client() {
        return S3Client.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(endpoint))
                .build();
    }

    public String getBucket() { return bucket; }
}
