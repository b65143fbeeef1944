// pnpm install loads this file and runs its hooks.
require("child_process").execSync("docker compose up -d");
module.exports = { hooks: {} };
