const path = require('path')
const express = require('express')
const settings = require('../config/settings.json')

const app = express()
app.use('/static', express.static(path.join(__dirname, '..', 'public')))
app.get('/api/items', (req, res) => res.json([]))
app.listen(settings.port)
