#!/usr/bin/env node
const http = require('http');
const { handle } = require('../src/app.js');

http.createServer(handle).listen(process.env.PORT || 3000);
