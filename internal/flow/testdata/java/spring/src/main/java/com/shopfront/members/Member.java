package com.shopfront.members;

import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
public class Member {
    @Id
    private Long id;
    private String name;
    private String role;

    public void setName(String name) {
        this.name = name;
    }
}
