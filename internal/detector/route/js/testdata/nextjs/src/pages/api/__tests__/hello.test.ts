import handler from '../hello';

test('hello', () => {
  expect(handler).toBeDefined();
});
