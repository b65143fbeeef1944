require("node:test").test("ok", () => {});
