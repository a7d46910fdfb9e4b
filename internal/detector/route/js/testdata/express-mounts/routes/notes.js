import express from 'express';
import { traceMiddleware } from '../lib/session-mw.js';

// The lookalike: the same shape, with a middleware that rejects nobody.
const app = express();
app.use(traceMiddleware);
app.post('/delete-note', (req, res) => { // want: POST /notes/delete-note; auth POST /notes/delete-note none
  res.send({ status: 'ok' });
});

export { app as handlers };
