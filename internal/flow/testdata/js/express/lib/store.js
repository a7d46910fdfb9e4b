const { Pool } = require('pg');

const pool = new Pool();

// Query helpers exported as one default object: their callers pass the
// SQL and its parts, so what the callers pass decides (lib/reports.js).
async function rawQuery(sql) {
  return pool.query(sql); // want: sql-injection reach=none
}

async function sortedQuery(sql, orderBy) {
  return pool.query(`${sql} order by ${orderBy}`);
}

export default { rawQuery, sortedQuery };
