package org.example.tally;

@SpringBootApplication
public class TallyApp {
    public static void main(String[] args) {
        SpringApplication.run(TallyApp.class, args);
    }
}
