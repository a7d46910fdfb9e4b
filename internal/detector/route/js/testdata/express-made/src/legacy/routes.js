const express = require('express')
const guard = require('express-jwt')
const jwt = require('express-jwt')

// express-jwt 6 exports the factory itself, here under another name.
const mustSignIn = guard({ secret: process.env.TOKEN_SECRET, algorithms: ['HS256'] })
// Members set one by one on an object.
const checks = {}
checks.signedIn = guard({ secret: process.env.TOKEN_SECRET, algorithms: ['HS256'] })
checks.session = guard({ secret: process.env.TOKEN_SECRET, algorithms: ['HS256'], credentialsRequired: false })
const router = express.Router()

// want: DELETE /legacy/posts/{id}
// want: auth DELETE /legacy/posts/{id} required
router.delete('/posts/:id', mustSignIn, (req, res) => res.sendStatus(204))

// want: PUT /legacy/posts/{id}
// want: auth PUT /legacy/posts/{id} required
router.put('/posts/:id', checks.signedIn, (req, res) => res.json(req.body))

// want: GET /legacy/posts
// want: auth GET /legacy/posts none
router.get('/posts', checks.session, (req, res) => res.json([]))

// The factory's call written on the route itself is judged as when bound.
// want: GET /legacy/drafts
// want: auth GET /legacy/drafts none
router.get('/drafts', jwt({ secret: process.env.TOKEN_SECRET, algorithms: ['HS256'], credentialsRequired: false }), (req, res) => res.json([]))

// Lookalike: the same call without the option still guards.
// want: GET /legacy/drafts/{id}
// want: auth GET /legacy/drafts/{id} required
router.get('/drafts/:id', jwt({ secret: process.env.TOKEN_SECRET, algorithms: ['HS256'] }), (req, res) => res.json({}))

module.exports = router
