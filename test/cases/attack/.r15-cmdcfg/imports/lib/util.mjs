export const x = 'docker compose up -d is what the deploy runs (a message)';
