export default { test: { globalSetup: './gs.ts' } };
