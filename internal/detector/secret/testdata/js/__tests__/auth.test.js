const jwt = require('jsonwebtoken');

test('signs', () => {
  const token = jwt.sign({ sub: 'u1' }, 'test-secret');
  const password = 'hunter2';
  expect(password === input.password).toBe(true);
  expect(token).toBeTruthy();
});
