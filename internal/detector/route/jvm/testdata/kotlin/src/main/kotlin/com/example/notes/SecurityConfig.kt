package com.example.notes

import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.http.HttpMethod
import org.springframework.security.config.annotation.web.builders.HttpSecurity
import org.springframework.security.config.annotation.web.invoke

@Configuration
@EnableWebSecurity
class SecurityConfig {
    @Bean
    fun filterChain(http: HttpSecurity): SecurityFilterChain {
        http {
            csrf { disable() }
            authorizeHttpRequests {
                authorize("/api/public/**", permitAll)
                authorize(HttpMethod.DELETE, "/api/**", hasRole("ADMIN"))
                authorize(HttpMethod.GET, "/api/fn/**", permitAll)
                authorize(anyRequest, authenticated)
            }
            httpBasic { }
        }
        return http.build()
    }
}
