// Routers reached through index files that hand another module on whole:
// a CommonJS index (module.exports = require('./routes')) and an ES one
// (export * from './panel'). The mount prefix must reach their routes.
const express = require('express');
const routes = require('./routes');
const { panel } = require('./admin');
const tools = require('./routes/tools');

const app = express();
app.use('/indexed/api', routes.api);
app.use('/indexed/admin', panel);
// Lookalike: a namespace re-export (export * as helpers) hands on no
// names of its own, so nothing is mounted here.
app.use('/indexed/tools', tools.stats);
app.listen(3000);
