// Cal.com's embed loader.
export const calEmbed = () => fetch("https://cal.com/embed.js");
