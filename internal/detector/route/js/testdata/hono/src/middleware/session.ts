import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';

// Rejects a request with no signed-in user: a guard by what it does.
export const sessionRequired = createMiddleware(async (c, next) => {
  if (!c.var.session || !c.var.session.user) {
    throw new HTTPException(401, { message: 'sign in first' });
  }
  await next();
});

// Lookalike: named like a guard, only sets a header.
export const authHeaders = createMiddleware(async (c, next) => {
  c.header('X-Frame-Options', 'DENY');
  await next();
});
