package org.example.wiki;

// The starter is a dependency, but its auto-configuration is turned off:
// nothing asks the caller to log in.
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class})
public class WikiApplication {
    public static void main(String[] args) {
        SpringApplication.run(WikiApplication.class, args);
    }
}
