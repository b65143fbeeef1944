#!/usr/bin/env node
// The installed `gitops-guard` executable (dist/gitops-guard.cjs): it only runs the real one,
// dist/gitops-guard-main.cjs (bin.ts), from its code cache (code-cache.ts).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './code-cache.js';

const main = loadBundle(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), 'gitops-guard-main.cjs') as typeof import('./bin.js');
main.start((url) => import(url));
