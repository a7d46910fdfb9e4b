// Lookalike: an upload written to a temporary file (parsed, then
// dropped) and to the system's temporary folder; a stream's transferTo.
package app;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.web.multipart.MultipartFile;

public class Uploads {
    private static final String TMP = System.getProperty("java.io.tmpdir") + File.separator;

    public File parse(MultipartFile sheet) throws Exception {
        File tmp = File.createTempFile("sheet", ".xlsx");
        sheet.transferTo(tmp);
        return tmp;
    }

    public File stage(MultipartFile file) throws Exception {
        File staged = new File(TMP + file.getOriginalFilename());
        file.transferTo(staged);
        return staged;
    }

    public void copy(InputStream in, OutputStream out) throws Exception {
        in.transferTo(out);
    }
}

// Lookalike: a link in a message opens no store.
class Help {
    static final String DOCS = "see https://redis.io/docs for the cache settings";
}
