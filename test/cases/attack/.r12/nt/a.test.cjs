const t = require("node:test");
t.test("ok", () => {});
