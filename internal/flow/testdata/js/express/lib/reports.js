import store from './store';

// Lookalike: the helper, destructured from the module's default object,
// is given only SQL the code writes.
export async function newestOrders() {
  const { sortedQuery } = store;
  return sortedQuery('select * from orders', 'created_at desc');
}

// Nothing calls this one and it hands its own parameter on into the SQL.
export async function ordersBy(column) {
  const { rawQuery } = store;
  return rawQuery('select * from orders order by ' + column);
}
