// A Content-Security-Policy lists the hosts a visitor's browser may load
// from; the server calls none of them.
const cspHeader = `
  default-src 'self';
  script-src 'self' https://challenges.cloudflare.com https://js.stripe.com;
  style-src 'self' 'unsafe-inline' https://fonts.googleapis.com;
  connect-src 'self' https://api.openai.com https://graph.microsoft.com;
`;

export const directives = {
  scriptSrc: ["'self'", "https://www.google.com/recaptcha/", "https://www.gstatic.com"],
  "img-src": ["'self'", "https://www.gravatar.com"],
};

export const headers = [{ key: "Content-Security-Policy", value: cspHeader.replace(/\n/g, "") }];
