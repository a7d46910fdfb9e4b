package prefs;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PrefsController {
    @GetMapping("/prefs")
    public Object prefs(@CookieValue("prefs") String prefs) throws Exception {
        byte[] raw = Base64.getDecoder().decode(prefs);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return in.readObject();
        }
    }
}
