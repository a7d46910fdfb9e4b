import express from 'express';
import { llm } from '../lib/ai.js';

const router = express.Router();

router.post('/summaries', async (req, res) => {
  const out = await llm.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Summarise: ${req.body.text}` }],
  });
  res.json({ summary: out.choices[0].message.content });
});

// The model list names providers; it calls none.
router.get('/models', (req, res) => {
  res.json({ models: ['openai/gpt-4o-mini', 'anthropic/claude-3-haiku'], note: 'openai.chat.completions.create' });
});

export default router;
