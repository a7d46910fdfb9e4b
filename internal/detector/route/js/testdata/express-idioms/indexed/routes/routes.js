const { Router } = require('express');
const links = require('./links');

const api = Router();
api.use('/links', links);

module.exports = { api };
