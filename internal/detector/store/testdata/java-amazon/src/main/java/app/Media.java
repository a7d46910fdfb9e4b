// want: store s3 S3 bucket media-originals
package app;

import java.io.File;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class Media {
    @Value("${media.endpoint}")
    private String endpoint;

    public void put(File f) {
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).build();
        s3.putObject(PutObjectRequest.builder().bucket("media-originals").key(f.getName()).build(), RequestBody.fromFile(f));
    }
}
