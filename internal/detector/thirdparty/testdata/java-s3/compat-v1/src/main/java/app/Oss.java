// SDK v1 at the operator's S3-compatible storage, with no manifest that
// names the S3 artifact: its credentials and builder imports serve that
// client, no "AWS" third party.
package app;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;

public class Oss {
    public AmazonS3 client(OssProps p) {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(p.getEndpoint(), p.getRegion()))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(p.getAccessKey(), p.getSecretKey())))
                .build();
    }
}
