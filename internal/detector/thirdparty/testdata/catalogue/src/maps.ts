// A map embedded in an iframe: the browser sends the coordinates to Google.
export const mapEmbed = (lat: number, lng: number) => `https://maps.google.com/maps?q=${lat},${lng}&output=embed`;
