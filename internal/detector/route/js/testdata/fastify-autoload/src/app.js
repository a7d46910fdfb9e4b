'use strict';
const path = require('node:path');
const Fastify = require('fastify');
const AutoLoad = require('@fastify/autoload');

const app = Fastify();

app.register(require('@fastify/static'), { root: path.join(__dirname, '../public'), prefix: '/public/' }); // want: GET /public
app.register(require('@fastify/static'), { root: path.join(__dirname, '../public') });

// Folders become prefixes; a file's autoPrefix replaces its folder's.
app.register(AutoLoad, { dir: path.join(__dirname, 'routes'), options: { prefix: '/api' } });
// Here folders add nothing.
app.register(AutoLoad, { dir: path.join(__dirname, 'plugins'), dirNameRoutePrefix: false });
// A folder named at run time cannot be followed.
app.register(AutoLoad, { dir: process.env.PLUGIN_DIR }); // want: missed 1

app.listen({ port: 3000 });
