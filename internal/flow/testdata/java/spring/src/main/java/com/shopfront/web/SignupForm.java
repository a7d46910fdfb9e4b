package com.shopfront.web;

// A form object: Spring MVC fills its fields from the request's
// parameters when a handler takes one, with or without @ModelAttribute.
public class SignupForm {
    private String name;
    private String city;

    public String getName() {
        return name;
    }

    public String getCity() {
        return city;
    }
}
