import { defineConfig } from '@playwright/test';
export default defineConfig({
  webServer: { command: 'docker compose up -d && npm run dev', url: 'http://localhost:3000', reuseExistingServer: true },
});
