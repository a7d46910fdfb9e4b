package org.example.registry;

// A Eureka server with no security of its own: its registry is open.
@SpringBootApplication
@EnableEurekaServer // want: GET /eureka/apps
// want: POST /eureka/apps/{appId}
public class RegistryApp {
    public static void main(String[] args) {
        SpringApplication.run(RegistryApp.class, args);
    }
}
