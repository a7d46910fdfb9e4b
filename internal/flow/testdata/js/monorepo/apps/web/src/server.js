import express from 'express';
import { google } from 'calendar-link';
import { getEvent } from '@/lib/records';
import { runReport } from '@/lib/reports';

const app = express();

// '@/lib/...' is apps/web/src/lib here, the app's own root, not the
// tree's: the helper is followed, and the shell it builds is reached.
app.get('/reports', (req, res) => {
  runReport(req.query.name, () => res.send('ok'));
});

// Lookalike: the calendar link is built from the stored event, which
// the path's id only looks up.
app.get('/events/:id/google', async (req, res) => {
  const event = await getEvent(req.params.id);
  if (!event) {
    return res.status(404).send('not found');
  }
  return res.redirect(google({ title: event.title, start: event.start }));
});

app.listen(3000);
