package portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class LoginController {
    @GetMapping("/welcome")
    public String welcome(@RequestParam(value = "next", required = false) String next) {
        return "redirect:" + next;
    }
}
