package org.example.labs.meta;

/*
 * The old form, kept for reference:
 *
 * @RestController
 * @RequestMapping
 * public @interface LegacyApi {
 *     @AliasFor(annotation = RequestMapping.class)
 *     String value();
 * }
 */
public final class Legacy {
    private Legacy() {}
}
