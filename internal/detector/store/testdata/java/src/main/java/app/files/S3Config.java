// The S3 builder is always handed its endpoint from settings: the
// operator's S3-compatible storage.
package app.files;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.s3.S3Client;

@ConfigurationProperties(prefix = "storage.s3")
public class S3Config {
    private String endpoint;
    private String bucket;

    @Bean
    public S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).build();
    }

    public String getBucket() { return bucket; }
}
