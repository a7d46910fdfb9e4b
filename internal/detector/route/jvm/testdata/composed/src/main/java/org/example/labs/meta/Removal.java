package org.example.labs.meta;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** A DELETE whose path is its value by convention, without @AliasFor. */
@RequestMapping(method = RequestMethod.DELETE)
public @interface Removal {
    String value() default "";
}
