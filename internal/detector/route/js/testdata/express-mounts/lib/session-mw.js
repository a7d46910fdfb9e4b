import { loadSession } from './session-store.js';
import { logRequest } from './log.js';

// Middleware that hands the request and response on to a helper: the
// helper answers 401, the middleware only stops. It calls a function with
// (req, res), which is no router setup.
const validateSessionMiddleware = async (req, res, next) => {
  const session = await loadSession(req, res);
  if (!session) {
    return;
  }
  res.locals = session;
  next();
};

// The lookalike: hands (req, res) on too, but rejects nobody.
const traceMiddleware = (req, res, next) => {
  logRequest(req, res);
  next();
};

export { validateSessionMiddleware, traceMiddleware };
