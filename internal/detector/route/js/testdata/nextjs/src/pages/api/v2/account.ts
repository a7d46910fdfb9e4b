// The same handler served at a second path, judged by its code.
export { default } from '../account'; // want: ANY /api/v2/account; auth ANY /api/v2/account required
