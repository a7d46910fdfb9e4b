package com.shopfront.members;

import javax.persistence.Entity;
import javax.persistence.Id;

// No field only staff should set: saved whole, it lets the client set
// only what it may.
@Entity
public class Note {
    @Id
    private Long id;
    private String text;
}
