package org.example.gate;

@SpringBootApplication
public class GateApp {
    public static void main(String[] args) {
        SpringApplication.run(GateApp.class, args);
    }
}
