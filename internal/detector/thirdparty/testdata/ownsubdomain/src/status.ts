export async function status(): Promise<unknown> {
  const res = await fetch("https://status.acmeprobe.sh/v1/check"); // want: third-party acmeprobe.sh
  return res.json();
}

export async function forecast(city: string): Promise<unknown> {
  const res = await fetch("https://api.weatherish.com/v1/today?q=" + city); // want: third-party weatherish.com
  return res.json();
}
