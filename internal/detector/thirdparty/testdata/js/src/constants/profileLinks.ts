// Lookalike: the sites a profile page links to, each address a prefix the
// visitor's handle is appended to. The page opens them; the product calls
// none of them.
export const profileLinks = {
  instagram: { label: "Instagram", baseUrl: "https://instagram.com/" },
  github: { label: "GitHub", baseUrl: "https://github.com/" },
  youtube: { label: "YouTube", baseUrl: "https://youtube.com/@" },
  telegram: { label: "Telegram", baseUrl: "https://t.me/" },
  linkedin: { label: "LinkedIn", baseUrl: "https://linkedin.com/in/" },
};
