package com.shopfront.members;

import java.util.Set;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.ManyToMany;

// Its roles are the other side's to write (mappedBy): a save of the team
// never stores them, whatever the client sends.
@Entity
public class Team {
    @Id
    private Long id;
    private String name;
    @ManyToMany(mappedBy = "teams")
    private Set<Role> roles;
}
