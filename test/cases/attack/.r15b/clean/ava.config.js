export default { files: ['test/**/*.js'] };
