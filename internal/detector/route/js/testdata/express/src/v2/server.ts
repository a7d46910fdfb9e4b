import express, { Request, Response } from 'express';
import ordersRouter from './orders.js';
import { authMiddleware } from './auth.js';

const BASE = '/v2';
const app = express();

app.use(authMiddleware);
app.use(BASE + '/orders', ordersRouter);
app.get('/v2/ping', (_req: Request, res: Response) => res.send('pong')); // want: GET /v2/ping; auth GET /v2/ping required

export default app;
