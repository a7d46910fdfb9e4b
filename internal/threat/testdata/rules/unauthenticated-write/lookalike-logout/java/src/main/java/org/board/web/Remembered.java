package org.board.web;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class Remembered {
	public static void writeToResponse(String name, HttpServletResponse response) {
		Cookie c = new Cookie("remembered", name == null ? "" : name);
		c.setMaxAge(name == null ? 0 : 86400);
		response.addCookie(c);
	}
}
