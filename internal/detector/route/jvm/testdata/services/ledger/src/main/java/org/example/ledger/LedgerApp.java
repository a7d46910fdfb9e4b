package org.example.ledger;

@SpringBootApplication
@EnableGlobalMethodSecurity(prePostEnabled = true)
public class LedgerApp {
    public static void main(String[] args) {
        SpringApplication.run(LedgerApp.class, args);
    }
}
