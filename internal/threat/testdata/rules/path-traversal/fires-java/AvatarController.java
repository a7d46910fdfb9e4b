package avatars;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AvatarController {
    @GetMapping("/avatar")
    public byte[] avatar(@RequestParam("image") String image) throws IOException {
        return Files.readAllBytes(new File("/srv/avatars", image).toPath());
    }
}
