package greet;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class GreetingController {
    @GetMapping("/greet")
    public void greet(@RequestParam("name") String name, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.getWriter().write("<p>Hello " + name + "</p>");
    }
}
