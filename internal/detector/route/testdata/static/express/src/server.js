const path = require('path')
const express = require('express')
const serveStatic = require('serve-static')

const app = express()
app.get('/api/items', (req, res) => res.json([])) // want: route GET /api/items
app.use('/static', express.static(path.join(__dirname, '..', 'public'))) // want: route GET /static; serves /static/index.html; serves /static/css/site.css
app.use('/uploads', serveStatic('uploads')) // want: route GET /uploads; serves /uploads/avatar.png
const docsDir = path.resolve(__dirname, '../docs')
app.use('/docs', express.static(docsDir)) // want: route GET /docs; serves /docs/guide.html
// A library's own folder is no surface of the app's.
app.use('/vendor', express.static(path.join(__dirname, '..', 'node_modules', 'bootstrap', 'dist')))
// Served at the root: no surface of its own, so no file is listed.
app.use(express.static('assets'))
app.listen(3000)
