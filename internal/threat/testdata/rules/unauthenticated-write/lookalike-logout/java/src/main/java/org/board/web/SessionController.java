package org.board.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

@Controller
public class SessionController {
	// Signs the caller out: the name kept in the session is set to null and
	// the remembered-user cookie is rewritten; nothing stored changes.
	@RequestMapping(value = "/signout", method = RequestMethod.POST)
	public String signOut(HttpServletRequest req, HttpServletResponse response) {
		Sessions.putSessionUser(req, response, null);
		Remembered.writeToResponse(null, response);
		return "redirect:/";
	}
}
