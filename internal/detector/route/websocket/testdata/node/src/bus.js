// Lookalike: an event emitter with a connection event, no socket server.
const { EventEmitter } = require('events');

const pool = new EventEmitter();
pool.on('connection', (conn) => {
  conn.on('query', (sql) => console.log(sql));
});
module.exports = pool;
