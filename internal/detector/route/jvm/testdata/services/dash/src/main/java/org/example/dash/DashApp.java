package org.example.dash;

@SpringBootApplication
@EnableHystrixDashboard // want: GET /proxy.stream
public class DashApp {
    public static void main(String[] args) {
        SpringApplication.run(DashApp.class, args);
    }
}
