// Spring's JavaMailSender sends through the SMTP server spring.mail.host
// names.
package app.mail;

import org.springframework.mail.SimpleMailMessage; // want: third-party smtp
import org.springframework.mail.javamail.JavaMailSender; // want: third-party smtp

public class Notifier {
    private final JavaMailSender sender;

    Notifier(JavaMailSender sender) { this.sender = sender; }

    public void notify(String to, String text) {
        SimpleMailMessage msg = new SimpleMailMessage();
        msg.setTo(to);
        msg.setText(text);
        sender.send(msg);
    }
}
