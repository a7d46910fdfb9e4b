package org.example.ledger;

import javax.servlet.http.HttpSession;

// The app's own test of a signed-in caller, read off the session.
public final class SessionCheck {
    public static boolean signedIn(HttpSession ses) {
        return ses != null && ses.getAttribute("member") != null;
    }

    // An overload: the same check, logged with where it was asked.
    public static boolean signedIn(HttpSession ses, String where) {
        System.out.println("session check at " + where);
        return signedIn(ses);
    }

    // A caller on the staff: the role the session holds.
    public static boolean staff(HttpSession ses) {
        String role = (String) ses.getAttribute("role");
        return role != null && role.equals("staff");
    }
}
