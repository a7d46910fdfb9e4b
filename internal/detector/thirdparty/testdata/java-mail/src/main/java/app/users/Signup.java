// Lookalike: JavaMail's address class checks an address and sends
// nothing (no Transport, no sender); hutool's string helpers are no mail.
package app.users;

import cn.hutool.core.util.StrUtil;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

public class Signup {
    public boolean valid(String email) {
        try {
            new InternetAddress(email).validate();
            return !StrUtil.isBlank(email);
        } catch (AddressException e) {
            return false;
        }
    }
}
