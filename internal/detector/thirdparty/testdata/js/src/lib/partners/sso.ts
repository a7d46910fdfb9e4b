// Programmes whose partners sign in with the programme's own OAuth
// server: the product exchanges the code at its token endpoint and reads
// the profile from its user-info endpoint.
export const SSO_PROGRAMS = [
  {
    name: "Boards",
    applyUrl: "https://www.lookalike-apply.io/creators",
    oauth: {
      clientId: process.env.BOARDS_CLIENT_ID as string,
      authorizationUrl: "https://boardsapp.io/oauth/authorize",
      tokenUrl: "https://api.boardsapp.io/oauth/token", // want: third-party boardsapp.io
      userInfoUrl: "https://api.boardsapp.io/oauth/profile", // want: third-party boardsapp.io
    },
  },
  {
    // A lookalike: the operator's own identity server.
    name: "Custom",
    oauth: { tokenUrl: process.env.CUSTOM_TOKEN_URL as string },
  },
];
