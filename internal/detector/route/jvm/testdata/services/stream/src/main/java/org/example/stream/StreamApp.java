package org.example.stream;

@SpringBootApplication
@EnableTurbineStream // want: GET /turbine.stream
@EnableDiscoveryClient
public class StreamApp {
    public static void main(String[] args) {
        SpringApplication.run(StreamApp.class, args);
    }
}
