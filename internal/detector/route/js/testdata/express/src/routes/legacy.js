module.exports = function legacyRoutes(app) {
  app.get('/legacy/report.csv', (req, res) => res.sendFile('/var/reports/latest.csv')); // want: GET /legacy/report.csv
};
