// The Maps Embed API: the browser sends the place searched for to Google.
export const placeEmbed = (q: string) => `https://www.google.com/maps/embed/v1/place?q=${q}`;
