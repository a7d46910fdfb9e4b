import express from 'express';
import { google } from 'calendar-link';
import { getEvent } from '@/lib/records';
import { runReport } from '@/lib/reports';
import { fetchIcon, fetchImage } from '@/lib/images';

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

// Lookalike: each URL the loop fetches is led by a fixed host; the
// request picks only a name in its path or query.
app.get('/favicon', async (req, res) => {
  const host = new URL(req.query.url).hostname;
  const sources = [
    `https://icons.example.com/ip3/${host}.ico`,
    `https://favicons.example.net/v2?url=${encodeURIComponent(req.query.url)}&size=64`,
  ];
  for (const src of sources) {
    const icon = await fetchIcon(src);
    if (icon) {
      return res.type('png').send(icon);
    }
  }
  return res.status(204).end();
});

// Lookalike: one URL led by a fixed host, handed to the same helper.
app.get('/avatar', async (req, res) => {
  const icon = await fetchIcon(`https://avatars.example.com/u/${req.query.user}`);
  return res.type('png').send(icon);
});

// The list holds the request's own URL: the loop fetches it.
app.get('/mirror', async (req, res) => {
  const sources = [req.query.primary, `https://backup.example.com/${req.query.name}`];
  for (const src of sources) {
    const image = await fetchImage(src);
    if (image) {
      return res.type('png').send(image);
    }
  }
  return res.status(204).end();
});

app.listen(3000);
