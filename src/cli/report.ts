// The rule harness's results as CI systems read them: JUnit XML (GitHub Actions test reporters,
// GitLab's test report) and TAP 13. Each rule example and each case is one test case.
import type { HarnessResult } from '../policy/harness.js';

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
  // XML 1.0 has no place for most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The suite a case belongs to: its file (rule pack or case file), without the line. */
const suiteOf = (where: string): string => where.split(' ')[0]!.replace(/:\d+$/, '');

export function junit(result: HarnessResult): string {
  const cases = result.cases ?? [];
  const suites = new Map<string, typeof cases>();
  for (const c of cases) {
    const s = suiteOf(c.where);
    if (!suites.has(s)) suites.set(s, []);
    suites.get(s)!.push(c);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gitops-guard test" tests="${cases.length}" failures="${result.failed}">`];
  for (const [name, list] of suites) {
    lines.push(`  <testsuite name="${xml(name)}" tests="${list.length}" failures="${list.filter((c) => c.failure).length}">`);
    for (const c of list) {
      const title = `${c.where}: ${c.command}`;
      if (!c.failure) { lines.push(`    <testcase classname="${xml(name)}" name="${xml(title)}"/>`); continue; }
      lines.push(`    <testcase classname="${xml(name)}" name="${xml(title)}">`,
        `      <failure message="${xml(`expected ${c.failure.expected}`)}">${xml(`command:  ${c.command}\nexpected: ${c.failure.expected}\ngot:      ${c.failure.got}`)}</failure>`,
        '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** A YAML block scalar line for TAP's diagnostics. */
const yamlLine = (key: string, value: string): string => `  ${key}: ${JSON.stringify(value)}`;

export function tap(result: HarnessResult): string {
  const cases = result.cases ?? [];
  const lines = ['TAP version 13', `1..${cases.length}`];
  cases.forEach((c, i) => {
    // A "#" in a description starts a directive in TAP: it is escaped.
    const title = `${c.where}: ${c.command}`.replace(/\n/g, '\\n').replace(/#/g, '\\#');
    lines.push(`${c.failure ? 'not ok' : 'ok'} ${i + 1} - ${title}`);
    if (c.failure) lines.push('  ---', yamlLine('command', c.command), yamlLine('expected', c.failure.expected), yamlLine('got', c.failure.got), '  ...');
  });
  lines.push(`# ${result.passed} passed, ${result.failed} failed`);
  return lines.join('\n') + '\n';
}
