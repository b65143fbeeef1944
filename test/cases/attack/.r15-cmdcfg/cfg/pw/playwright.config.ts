import { defineConfig } from '@playwright/test';
export default defineConfig({
  webServer: [
    { command: 'npm run dev', port: 3000 },
    { command: "docker compose up -d api", port: 8080 },
  ],
});
