package netdiag;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PingController {
    @PostMapping("/ping")
    public int ping(@RequestParam("count") String count) throws IOException, InterruptedException {
        int n = Integer.parseInt(count);
        return Runtime.getRuntime().exec(new String[] {"bash", "-c", "ping -c" + n + " localhost"}).waitFor();
    }
}
