package com.shopfront.catalog;

// A form object Spring binds from the posted fields.
public class Query {
    private String text;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    // Not the posted field: the order is always the code's.
    public String getSort() {
        return "name";
    }
}
