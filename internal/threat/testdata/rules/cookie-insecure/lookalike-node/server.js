const express = require('express');
const { signIn } = require('./session');

const app = express();
app.use(express.json());
app.post('/login', signIn);
app.listen(3000);
