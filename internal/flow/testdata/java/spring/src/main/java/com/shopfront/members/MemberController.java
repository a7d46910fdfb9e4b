package com.shopfront.members;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@Controller
public class MemberController {
    private final MemberRepository members;
    private final NoteRepository notes;
    private final TeamRepository teams;

    public MemberController(MemberRepository members, NoteRepository notes, TeamRepository teams) {
        this.members = members;
        this.notes = notes;
        this.teams = teams;
    }

    // The form is the entity, bound whole: the client may send role=admin.
    @PostMapping("/members")
    public String create(Member member) {
        members.save(member); // want: mass-assignment via=body
        return "redirect:/members";
    }

    @PostMapping("/members/api")
    public Member createJson(@RequestBody Member member) {
        return members.save(member); // want: mass-assignment via=body
    }

    // Lookalike: an entity with no privileged field.
    @PostMapping("/notes")
    public String note(Note note) {
        notes.save(note);
        return "redirect:/notes";
    }

    // Lookalike: the privileged relation is not the team's to write.
    @PostMapping("/teams")
    public Team team(@RequestBody Team team) {
        return teams.save(team);
    }

    // Lookalike: the fields the client may set copied one by one.
    @PostMapping("/members/named")
    public String named(Member form) {
        Member member = new Member();
        member.setName(form.getName());
        members.save(member);
        return "redirect:/members";
    }
}
