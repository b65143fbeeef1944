// Preload (node --import) that records every zod module a process asks for, through require() or
// import(), in the file named by $GITOPS_GUARD_MODULE_LOG: a test reads it to see whether a hook
// call was answered without zod.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.GITOPS_GUARD_MODULE_LOG;
if (log) {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (/^zod(\/|$)/.test(request)) appendFileSync(log, `require ${request}\n`);
    return load.call(this, request, ...rest);
  };
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (/^zod(\\/|$)/.test(specifier)) appendFileSync(${JSON.stringify(log)}, 'import ' + specifier + '\\n');
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
