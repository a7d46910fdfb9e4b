const express = require('express');
const catalog = require('@/routes/catalog');

const app = express();
app.use('/billing', catalog);

module.exports = app;
