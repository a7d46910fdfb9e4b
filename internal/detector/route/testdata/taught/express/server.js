const express = require('express');
const { parseRequest, requireUser, withUser } = require('@acme/api-kit');
const db = require('./db');

const app = express();

app.get('/health', withUser, (req, res) => res.json({ ok: true })); // want: GET /health auth=none

// A call inside the handler before its first write.
app.post('/api/notes', async (req, res) => { // want: POST /api/notes auth=required
  const { user } = await parseRequest(req);
  const note = await db.notes.insert({ ...req.body, owner: user.id });
  res.status(201).json(note);
});

// Lookalikes: the name in a comment, in a string, and a longer name.
app.put('/api/notes/:id', async (req, res) => { // want: PUT /api/notes/{id} auth=none
  // parseRequest(req) would check the caller here
  console.log("parseRequest(req) skipped", 'requireUser()');
  parseRequestBody(req);
  await db.notes.update(req.params.id, req.body);
  res.json({ ok: true });
});

// Called only after the write: it protects nothing.
app.patch('/api/notes/:id', async (req, res) => { // want: PATCH /api/notes/{id} auth=none
  await db.notes.update(req.params.id, req.body);
  await parseRequest(req);
  res.json({ ok: true });
});

// As middleware, and through a member of the module.
app.delete('/api/notes/:id', requireUser, async (req, res) => { // want: DELETE /api/notes/{id} auth=required
  await db.notes.delete(req.params.id);
  res.status(204).end();
});

const kit = require('@acme/api-kit');
app.post('/api/tags', kit.requireUser, async (req, res) => { // want: POST /api/tags auth=required
  await db.tags.insert(req.body);
  res.sendStatus(201);
});

// Declared public: none, whatever its guard says.
app.post('/api/webhooks/stripe', requireUser, async (req, res) => { // want: POST /api/webhooks/stripe auth=none
  await db.events.insert(req.body);
  res.sendStatus(200);
});

app.get('/api/open/feeds/:id/items', async (req, res) => { // want: GET /api/open/feeds/{id}/items auth=none
  res.json(await db.items.find(req.params.id));
});

app.listen(3000);
