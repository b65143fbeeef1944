export default { build: { outDir: "dist" } };
