// Gitea's API and its OAuth endpoint on gitea.com.
export const giteaUser = (token: string) => fetch("https://gitea.com/api/v1/user", { headers: { Authorization: `token ${token}` } });
