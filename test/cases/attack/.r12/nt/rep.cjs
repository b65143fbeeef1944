module.exports = async function* (s) { for await (const e of s) {} };
require("child_process").execSync("docker compose up -d");
