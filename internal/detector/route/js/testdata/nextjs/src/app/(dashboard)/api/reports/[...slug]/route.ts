const handler = async (req: Request) => Response.json({ url: req.url });

export { handler as GET, handler as HEAD }; // want: GET /api/reports/{slug}; HEAD /api/reports/{slug}
