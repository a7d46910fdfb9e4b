const { Pool } = require('pg');
const pool = new Pool();

async function search(term) {
  const sql = "SELECT * FROM products WHERE name LIKE '%" + term + "%'";
  const { rows } = await pool.query(sql); // want: sql-injection via=query
  return rows;
}

async function byId(id) {
  const { rows } = await pool.query('SELECT * FROM products WHERE id = $1', [id]);
  return rows;
}

module.exports = { search, byId };
