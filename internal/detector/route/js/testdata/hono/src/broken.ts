import { Hono } from 'hono';
const app = new Hono(
app.get('/x', (c) => c.text('x')
