// A wildcard import names no class: the Transport the file calls is
// JavaMail's sender.
package app.mail;

import java.util.Properties;
import javax.mail.*;
import javax.mail.internet.*;

public class Mailer {
    public void send(Properties props, String to) throws Exception {
        Session session = Session.getInstance(props);
        MimeMessage msg = new MimeMessage(session);
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        Transport.send(msg); // want: third-party smtp
    }
}
