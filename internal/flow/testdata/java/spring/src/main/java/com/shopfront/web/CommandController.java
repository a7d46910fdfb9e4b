package com.shopfront.web;

import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CommandController {
    private static final Map<String, String> HANDLERS = Map.of("listen", "com.shopfront.cmd.Listen");

    @PostMapping("/commands/run")
    public Object run(@RequestParam("command") String command) throws Exception {
        Class<?> cls = Class.forName("com.shopfront.cmd." + command + "Command"); // want: code-injection via=query
        return cls.getDeclaredConstructor().newInstance();
    }

    @PostMapping("/commands/call")
    public Object call(@RequestParam("op") String op) throws Exception {
        Method m = Ops.class.getMethod(op);
        return m.invoke(null); // want: code-injection via=query
    }

    // Lookalike: the class comes from a fixed table, looked up by key.
    @PostMapping("/commands/known")
    public Object known(@RequestParam("command") String command) throws Exception {
        if (!HANDLERS.containsKey(command)) {
            return null;
        }
        return Class.forName(HANDLERS.get(command)).getDeclaredConstructor().newInstance();
    }
}

class Ops {
    public static String ping() {
        return "pong";
    }
}
