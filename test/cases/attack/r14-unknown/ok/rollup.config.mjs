export default { input: "src/main.js" };
