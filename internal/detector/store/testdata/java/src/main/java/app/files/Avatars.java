// An uploaded file written under the folder a setting names.
// want: store filesystem Local folder (file.path)
package app.files;

import java.io.File;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.multipart.MultipartFile;

public class Avatars {
    @Value("${file.path}")
    private String dir;

    public File save(MultipartFile avatar, String user) throws Exception {
        File dest = new File(dir, user + ".png");
        avatar.transferTo(dest);
        return dest;
    }
}
