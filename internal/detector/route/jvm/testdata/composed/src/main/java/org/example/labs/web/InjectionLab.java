package org.example.labs.web;

import org.example.labs.meta.Audited;
import org.example.labs.meta.LabApi;
import org.example.labs.meta.Probe;
import org.example.labs.meta.Removal;
import org.example.labs.meta.Step;
import org.example.labs.meta.Submit;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

@LabApi(title = "Injection", value = "InjectionLab")
public class InjectionLab {

    static final String FIRST = "first";

    @Step(at = FIRST) // want: GET /InjectionLab/first
    public String first(@RequestParam String q) {
        return q;
    }

    @Step(at = "second", verb = RequestMethod.PUT, difficulty = 2) // want: PUT /InjectionLab/second
    public String second(@RequestParam String q) {
        return q;
    }

    @Submit("answer") // want: POST /InjectionLab/answer
    public String answer(@RequestParam String q) {
        return q;
    }

    @Probe // want: GET /InjectionLab/probe
    public String probe() {
        return "ok";
    }

    @Removal("/entries/{id}") // want: DELETE /InjectionLab/entries/{id}
    public void remove(@PathVariable long id) {
    }

    @Audited("/audit") // a value attribute, but no Spring mapping behind it
    public String audit() {
        return "audit";
    }
}
