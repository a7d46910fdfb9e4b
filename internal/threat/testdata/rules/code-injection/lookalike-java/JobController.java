package jobs;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class JobController {
    private static final Map<String, String> TASKS = Map.of("reindex", "jobs.tasks.Reindex");

    @PostMapping("/jobs")
    public Object start(@RequestParam("job") String job) throws Exception {
        if (!TASKS.containsKey(job)) {
            return null;
        }
        return Class.forName(TASKS.get(job)).getDeclaredConstructor().newInstance();
    }
}
