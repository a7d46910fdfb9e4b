package org.example.labs.meta;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Marks a handler for the audit log: it has a value, but maps nothing. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    String value();

    String method() default "GET";
}
