// Uses the client S3Config makes: it sends where that client does.
package app.storage;

import org.springframework.web.multipart.MultipartFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class Files {
    private final S3Client s3;
    private final S3Config config;

    Files(S3Client s3, S3Config config) { this.s3 = s3; this.config = config; }

    public void save(MultipartFile file, String key) throws Exception {
        PutObjectRequest req = PutObjectRequest.builder().bucket(config.getBucket()).key(key).build();
        s3.putObject(req, RequestBody.fromInputStream(file.getInputStream(), file.getSize()));
    }
}
