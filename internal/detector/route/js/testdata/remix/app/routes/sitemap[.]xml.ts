export const loader = () => new Response('<urlset/>'); // want: GET /sitemap.xml
