const express = require('express')
const bcrypt = require('bcrypt')
const { limiter } = require('./limit')
const db = require('./db')

const app = express()
app.use(express.json())

app.post('/api/login', limiter({ window: 60, max: 5 }), async (req, res) => {
  const user = await db.users.findOne({ email: req.body.email })
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {
    return res.status(401).json({ error: 'wrong email or password' })
  }
  res.json({ id: user.id })
})

app.listen(3000)
