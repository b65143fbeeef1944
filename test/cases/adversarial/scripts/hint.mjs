// Prints advice; runs nothing.
console.log('To apply, do not run "docker compose up -d": commit and push instead.');
