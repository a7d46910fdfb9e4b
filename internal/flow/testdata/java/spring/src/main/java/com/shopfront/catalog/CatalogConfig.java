package com.shopfront.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CatalogConfig {
    @Bean
    public ProductFinder productFinder() {
        return new ProductFinder();
    }
}
