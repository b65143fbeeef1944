import { defineConfig } from 'tsup';
export default defineConfig([{ entry: ['a.ts'] }, { entry: ['b.ts'], onSuccess: `docker restart ${process.env.SVC}` }]);
