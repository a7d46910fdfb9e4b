package route

import "testing"

// TestGatedAgrees holds each gated pattern to its whole alternation: the
// words it looks for first must be in every text the pattern matches.
func TestGatedAgrees(t *testing.T) {
	texts := []string{
		`res.status(401).end()`, `return c.JSON(http.StatusUnauthorized, nil)`, `return nil, 401`,
		`return ctx.ErrorJson(401, "no")`, `response()->json(['error' => 'x'], 401)`,
		`abort(Response::HTTP_UNAUTHORIZED)`, `throw new UnauthorizedException()`,
		`raise NotAuthenticated()`, `throw err || new AuthenticationError("x")`, `raise Unauthenticated`,
		`return unauthorized(w)`, `Boom.unauthorized()`, `login_manager.unauthorized()`,
		`return redirect_to_login(next)`, `redirectToSignIn()`, `auth().protect()`,
		`resp.sendError(HttpServletResponse.SC_UNAUTHORIZED)`,
		`res.sendStatus(403)`, `throw new ForbiddenException()`, `raise PermissionDenied`,
		`throw new AccessDeniedException("x")`, `return forbidden(res)`, `HttpResponseForbidden()`,
		`self.handle_no_permission()`, `throw new NotAuthorizedError()`, `return HttpStatus.FORBIDDEN`,
		`subtle.ConstantTimeCompare(a, b)`, `hmac.Equal(a, b)`, `crypto.timingSafeEqual(a, b)`,
		`secrets.compare_digest(a, b)`, `hash_equals($a, $b)`, `MessageDigest.isEqual(a, b)`,
		`CryptographicOperations.FixedTimeEquals(a, b)`, `bcrypt.CompareHashAndPassword(h, p)`,
		`await bcrypt.compare(p, h)`, `password_verify($p, $h)`, `check_password_hash(h, p)`,
		`bcrypt.checkpw(p, h)`, `argon2.verify(h, p)`,
		`out.print("hello")`, `res.status(200).json(rows)`,
	}
	for _, g := range []gatedRE{reject401, reject403, secretCompare} {
		for _, text := range texts {
			if got, want := g.MatchString(text), g.Regexp.MatchString(text); got != want {
				t.Errorf("%q: gated %v, whole pattern %v (%s)", text, got, want, g.Regexp)
			}
		}
	}
}
