const cors = require("cors");
const express = require("express");

const app = express();
// Public and cookieless next to pinned and credentialed: neither is the weakness.
app.use("/widget", cors({ origin: "*" }));
app.use("/api", cors({ origin: ["https://app.example.com"], credentials: true }));

const partner = express();
partner.use(cors({ origin: true, credentials: true })); // want: weakness cors-wildcard-credentials
partner.use(cors({
  origin: "*",  // want: weakness cors-wildcard-credentials
  methods: ["GET", "POST"],
  credentials: true,
}));
