package org.example.settings;

@SpringBootApplication
@EnableConfigServer
public class SettingsApp {
    public static void main(String[] args) {
        SpringApplication.run(SettingsApp.class, args);
    }
}
