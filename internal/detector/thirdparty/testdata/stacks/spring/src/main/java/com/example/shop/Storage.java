package com.example.shop;

import com.example.shop.stripe.StripeSettings;
import org.springframework.web.client.RestTemplate;
import software.amazon.awssdk.services.s3.S3Client; // want: third-party aws-s3

public class Storage {
    private final S3Client s3 = S3Client.create();
    private final RestTemplate rest = new RestTemplate();

    public String profile(String user) {
        // rest.getForObject("https://api.mailgun.net/v3", String.class);
        return rest.getForObject("https://api.github.com/users/{user}", String.class, user); // want: third-party github
    }
}
