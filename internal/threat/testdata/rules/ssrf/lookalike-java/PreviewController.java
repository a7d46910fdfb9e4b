package preview;

import java.io.InputStream;
import java.net.URL;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PreviewController {
    @GetMapping("/preview")
    public byte[] preview(@RequestParam("id") String id) throws Exception {
        try (InputStream in = new URL("https://catalog.example.com/previews/" + id).openStream()) {
            return in.readAllBytes();
        }
    }
}
