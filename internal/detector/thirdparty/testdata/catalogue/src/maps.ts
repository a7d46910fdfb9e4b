// A map embedded in an iframe: the browser sends the coordinates to Google.
export const mapEmbed = (lat: number, lng: number) => `https://www.google.com/maps/embed?pb=!1m2!2d${lng}!3d${lat}`;
