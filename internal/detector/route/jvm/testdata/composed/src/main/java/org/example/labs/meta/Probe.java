package org.example.labs.meta;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.springframework.web.bind.annotation.GetMapping;

/** A fixed liveness path. */
@Retention(RetentionPolicy.RUNTIME)
@GetMapping("/probe")
public @interface Probe {
}
