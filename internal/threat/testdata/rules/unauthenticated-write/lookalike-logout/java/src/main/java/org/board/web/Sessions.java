package org.board.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Sessions {
	public static void putSessionUser(HttpServletRequest req, HttpServletResponse response, String name) {
		req.getSession().setAttribute("username", name);
	}
}
