import express from 'express';
import { validateSessionMiddleware, traceMiddleware } from '../lib/session-mw.js';

// A sub-app whose guard is put on with use(), not per route.
const app = express();
app.use(traceMiddleware);
app.get('/version', (req, res) => res.json({ v: 1 })); // want: GET /files/version; auth GET /files/version none
app.use(validateSessionMiddleware);
app.post('/delete-file', (req, res) => { // want: POST /files/delete-file; auth POST /files/delete-file required
  res.send({ status: 'ok' });
});

export { app as handlers };
