import { x } from './lib/util.mjs'; import fs from 'node:fs'; import chalk from 'chalk'; console.log(x, fs, chalk);
