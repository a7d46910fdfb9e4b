import { expressjwt as jwt } from 'express-jwt';

const secret = process.env.TOKEN_SECRET as string;

// Guards kept as an object's members, each made by a call: the member
// guards as the call it holds does.
const auth = {
  required: jwt({ secret, algorithms: ['HS256'] }),
  // Lookalike: lets a request without a token through.
  loose: jwt({ secret, algorithms: ['HS256'], credentialsRequired: false }),
  // Lookalike: a member named like a guard that only logs.
  trace: traceRequests('auth'),
};

function traceRequests(tag: string) {
  return (req: any, res: any, next: any) => {
    console.log(tag, req.method, req.url);
    next();
  };
}

export default auth;
