// A Stripe-compatible server for the connector tests: stripe-stateful-mock's express app, bound to
// loopback only (the package's own CLI listens on every interface). Usage: node server.js [port];
// port 0 (the default) takes a free one. Prints "listening on <url>" once it accepts requests.
"use strict";
const { createExpressApp } = require("stripe-stateful-mock");

const port = Number(process.argv[2] ?? 0);
const server = createExpressApp().listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

// The tests own this process through its stdin: when they close it, or die, it stops.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
