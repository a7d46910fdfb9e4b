import account from '../account';

export default account; // want: ANY /api/v2/me; auth ANY /api/v2/me required
