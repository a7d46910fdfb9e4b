const express = require('express')
const asyncHandler = require('express-async-handler')
const { tryAsync, timed, membersOnly } = require('./lib/wrap')
const settle = require('./lib/settle')
const checks = require('./lib/checks')

const app = express()
const notes = express.Router()

async function listNotes(req, res) { res.json(await req.db.notes(req.session.memberId)) }
async function addNote(req, res) { res.json(await req.db.addNote(req.session.memberId, req.body)) }
async function dropNote(req, res) { res.json(await req.db.dropNote(req.params.id)) }
async function stats(req, res) { res.json(await req.db.stats()) }
async function feed(req, res) { res.json(await req.db.feed()) }
async function whoami(req, res) { res.json({ id: req.session.memberId }) }

// want: GET /api/notes
// want: auth GET /api/notes required
notes.get('/notes', asyncHandler(checks.needSession), asyncHandler(listNotes))
// want: POST /api/notes
// want: auth POST /api/notes required
notes.post('/notes', tryAsync(checks.needSession), tryAsync(addNote))
// want: DELETE /api/notes/{id}
// want: auth DELETE /api/notes/{id} required
notes.delete('/notes/:id', [settle(checks.needSession)], settle(dropNote))
// want: GET /api/stats
// want: auth GET /api/stats none
notes.get('/stats', tryAsync(checks.trace), tryAsync(stats))
// want: GET /api/feed
// want: auth GET /api/feed none
notes.get('/feed', timed(checks.needSession), asyncHandler(feed))
// want: GET /api/whoami
// want: auth GET /api/whoami required
notes.get('/whoami', membersOnly(checks.trace), asyncHandler(whoami))

app.use('/api', notes)
app.listen(3000)
