// Puts uploads in the bucket the settings name.
// want: store s3 S3-compatible bucket from storage.s3.bucket
package app.files;

import org.springframework.web.multipart.MultipartFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class Attachments {
    private final S3Client s3;
    private final S3Config config;

    Attachments(S3Client s3, S3Config config) { this.s3 = s3; this.config = config; }

    public void save(MultipartFile file, String key) throws Exception {
        s3.putObject(PutObjectRequest.builder().bucket(config.getBucket()).key(key).build(),
                RequestBody.fromInputStream(file.getInputStream(), file.getSize()));
    }
}
