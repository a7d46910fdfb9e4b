// Google Maps pages a visitor opens from a link: the helper's result is an
// href elsewhere, and nothing is requested from Google.
export function directionsLink(street: string, city: string): string {
  const q = encodeURIComponent(`${street}, ${city}`);
  return `https://www.google.com/maps/search/?api=1&query=${q}`;
}

export const mapsLink = (q: string) => `https://maps.google.com/?q=${q}`;
