// hutool's Mail over an account whose host comes from the settings table,
// and JavaMail's Transport directly.
package app.mail;

import cn.hutool.extra.mail.Mail; // want: third-party smtp
import cn.hutool.extra.mail.MailAccount; // want: third-party smtp
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport; // want: third-party smtp
import javax.mail.internet.MimeMessage;

public class Outbox {
    public void send(Settings s, String to, String body) {
        MailAccount account = new MailAccount();
        account.setHost(s.getHost());
        account.setPass(s.getPass());
        Mail.create(account).setTos(to).setContent(body).send();
    }

    public void raw(Session session, String to) throws Exception {
        Message m = new MimeMessage(session);
        Transport.send(m);
    }
}
