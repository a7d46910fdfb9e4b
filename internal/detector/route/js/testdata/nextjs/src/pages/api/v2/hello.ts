// The lookalike: an open handler re-exported stays open.
export { default } from '../hello'; // want: ANY /api/v2/hello; auth ANY /api/v2/hello none
