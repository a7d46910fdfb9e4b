const express = require('express');
const morgan = require('morgan');
const nodemailer = require('nodemailer');
const axios = require('axios');
const { Parser } = require('json2csv');
const crm = require('./src/client/crm');

const app = express();
app.use(morgan(':method :url :status :req[authorization]')); // want: exit log
app.use(morgan('combined'));
app.use(express.json());

const mailer = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

app.post('/api/signup', async (req, res) => {
  console.log('signup body', req.body); // want: exit log
  console.log('signup from', req.ip);
  try {
    const user = await createUser(req.body);
    await mailer.sendMail({ to: user.email, subject: 'Welcome', text: 'Hi' }); // want: exit email
    await axios.post('https://api.hubspot.com/crm/v3/objects/contacts', { email: user.email }); // want: exit outbound-call
    await axios.get('https://api.github.com/zen');
    res.status(201).json(user);
  } catch (err) {
    res.status(400).json({ error: err.message }); // want: exit error-response
  }
});

app.get('/api/users/export', async (req, res) => {
  const rows = await listUsers();
  const csv = new Parser().parse(rows); // want: exit export
  res.attachment('users.csv'); // want: exit export
  res.send(csv);
});

app.get('*', (req, res) => {
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
});

// Express error handler: the last middleware.
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ // want: exit error-response
    message: 'internal error',
    stack: err.stack,
  });
});

app.listen(3000);
