package org.example.client;

// Lookalike: a service that only sends its metrics to the stream
// (@EnableTurbineStream is on the stream service, not here) serves none.
@SpringBootApplication
@EnableDiscoveryClient
public class ClientApp {
    public static void main(String[] args) {
        SpringApplication.run(ClientApp.class, args);
    }
}
