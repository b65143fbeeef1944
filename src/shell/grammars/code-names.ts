// Calls in interpreter code that run what they are given as text (data; read by expand/code-names.ts):
// code evaluated (`eval`, Python's `exec`), or a function called by its name (`getattr(os, "system")`,
// `call_user_func("system", …)`, Ruby's `send(:system, …)`, a PHP variable function `$f(…)`). Given a
// plain literal, the code is scanned and the name is known; given text built at run time (`"sys"."tem"`),
// what runs cannot be read.
import type { CodeLanguage } from './types.js';

export interface NamedCall {
  /** The call's name, up to where its arguments start (an opening parenthesis, or a space in Perl and Ruby). */
  readonly call: string;
  /** Which argument is the code evaluated or the name of the function called (-1: the last one). */
  readonly arg: number;
  /** The argument is code of the same language (scanned again), not a function's name. */
  readonly code?: true;
}

const code = (call: string, arg = 0): NamedCall => ({ call, arg, code: true });
const name = (call: string, arg = 0): NamedCall => ({ call, arg });

export const NAMED_CALLS: Partial<Record<CodeLanguage, readonly NamedCall[]>> = {
  python: [code('eval'), code('exec'), code('execfile'), code('compile'), name('getattr', 1), name('methodcaller'), name('__import__'), name('import_module')],
  node: [code('eval'), code('Function', -1), code('vm.runInThisContext'), code('vm.runInNewContext'), code('vm.runInContext'), code('vm.Script'),
    code('vm.compileFunction'), name('Reflect.get', 1)],
  ruby: [code('eval'), code('instance_eval'), code('class_eval'), code('module_eval'), name('send'), name('public_send'), name('__send__'),
    name('method'), name('const_get'), name('instance_variable_get')],
  perl: [code('eval'), name('can')],
  php: [code('eval'), code('assert'), code('create_function', 1), name('call_user_func'), name('call_user_func_array'), name('forward_static_call'),
    name('forward_static_call_array'), name('array_map'), name('usort', 1), name('array_filter', 1), name('array_walk', 1)],
};

/**
 * Calls through a name held in a variable or computed in brackets: PHP's `$f(…)` (the variable's
 * assignments name it) and `("sys"."tem")(…)`, JavaScript's `obj[expr](…)`, Perl's `&$f(…)`, `&{"name"}(…)` and `$obj->$m(…)`.
 */
export const VARIABLE_CALLS: Partial<Record<CodeLanguage, RegExp>> = {
  php: /(?<![\w>$:\\])\$([A-Za-z_]\w*)\s*\(|(?<![\w$\])]|\b(?:if|elseif|while|for|foreach|switch|catch|match)\s*)\(([^()\n]{1,200})\)\s*\(/g,
  node: /\[([^[\]\n]{1,200})\]\s*\(/g,
  perl: /&\$([A-Za-z_]\w*)|&\{([^}\n]{1,200})\}|->\s*\$([A-Za-z_]\w*)\s*\(/g,
};
