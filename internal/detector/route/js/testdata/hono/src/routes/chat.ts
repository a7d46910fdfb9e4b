import { Hono } from 'hono';
import OpenAI from 'openai';

const openai = new OpenAI();
export const chat = new Hono();

chat.post('/', async (c) => { // want: POST /api/chat
  const { prompt } = await c.req.json();
  const out = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return c.json(out.choices[0].message);
});
