package org.example.labs.web;

import org.example.labs.meta.Audited;
import org.springframework.web.bind.annotation.GetMapping;

// LegacyApi is declared only in a comment and Audited maps nothing: this
// class is no controller, so its mapping serves no route.
@LegacyApi("OldLab")
@Audited(value = "OldLab", method = "POST")
public class OldLab {

    @GetMapping("/old")
    public String old() {
        return "old";
    }
}
