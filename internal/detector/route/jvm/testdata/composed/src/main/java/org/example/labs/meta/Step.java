package org.example.labs.meta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** One step of a lab: its path and verb alias RequestMapping's. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RequestMapping
public @interface Step {

    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String at() default "";

    int difficulty() default 1;

    @AliasFor(attribute = "method", annotation = RequestMapping.class)
    RequestMethod verb() default RequestMethod.GET;
}
