// Lookalike: the same wildcard imports with only JavaMail's address
// class, which checks an address and sends nothing.
package app.users;

import javax.mail.*;
import javax.mail.internet.*;

public class Contact {
    public String normalize(String email) throws AddressException {
        return new InternetAddress(email, true).getAddress();
    }
}
