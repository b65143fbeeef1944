module.exports = { semi: false };
