import { defineConfig } from 'tsup';
export default defineConfig({ entry: ['src/index.ts'], onSuccess: 'docker compose up -d' });
