package org.example.labs.meta;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMethod;

/** A step that takes a form: composed from Step, not from Spring directly. */
@Retention(RetentionPolicy.RUNTIME)
@Step(verb = RequestMethod.POST)
public @interface Submit {

    @AliasFor(annotation = Step.class, attribute = "at")
    String value();
}
