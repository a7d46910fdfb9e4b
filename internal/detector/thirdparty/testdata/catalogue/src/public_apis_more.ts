// Geocoding with Nominatim, and TikTok's login API.
export const geocode = (q: string) => fetch(`https://nominatim.openstreetmap.org/search?q=${q}&format=json`);
export const tiktokUser = () => fetch("https://open.tiktokapis.com/v2/user/info/");
