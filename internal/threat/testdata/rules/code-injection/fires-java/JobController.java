package jobs;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class JobController {
    @PostMapping("/jobs")
    public Object start(@RequestParam("job") String job) throws Exception {
        return Class.forName("jobs.tasks." + job).getDeclaredConstructor().newInstance();
    }
}
