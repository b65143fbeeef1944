// The one option scanner, as getopt(3) and getopt_long(3) read argument lists.
import { describe, expect, it } from 'vitest';
import { getopt, has, valueOf } from '../src/shell/getopt.js';

const names = (args: (string | null)[], g: Parameters<typeof getopt>[1]) =>
  getopt(args, g).options.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`));

describe('getopt', () => {
  it('reads clusters, attached and separate values', () => {
    expect(names(['-Ic', 'code'], { short: 'Ic:' })).toEqual(['-I', '-c=code']);
    expect(names(['-sd@file'], { short: 'sd:' })).toEqual(['-s', '-d=@file']);
    expect(names(['-ofile'], { short: 'o:' })).toEqual(['-o=file']);
    expect(names(['-uf', 'x'], { short: 'uf' })).toEqual(['-u', '-f']);
  });
  it('takes optional values only when attached', () => {
    expect(names(['-i.bak', 'f'], { short: 'i::' })).toEqual(['-i=.bak']);
    expect(names(['-i', 'f'], { short: 'i::' })).toEqual(['-i']);
    expect(names(['--in-place', 'f'], { long: ['in-place=?'] })).toEqual(['--in-place']);
  });
  it('expands unique prefixes of long options, and says when a prefix fits several', () => {
    const sed = { long: ['in-place=?|i', 'quiet|n', 'expression=|e'], abbreviate: true };
    expect(names(['--in', 'x'], sed)).toEqual(['--in-place']);
    expect(has(getopt(['--in'], sed), '-i')).toBe(true);
    const push = { long: ['force', 'force-with-lease=?', 'force-if-includes'], abbreviate: true };
    expect(names(['--force-w'], push)).toEqual(['--force-with-lease']);
    const amb = getopt(['--force-'], push).options[0]!;
    expect(amb.ambiguous).toEqual(['force-with-lease', 'force-if-includes']);
    expect(names(['--fo'], { long: ['force', 'format='] })).toEqual(['--fo']);
  });
  it('ends options at -- and, in POSIX order, at the first operand', () => {
    const s = getopt(['-a', '--', '-b', 'x'], { short: 'ab' });
    expect(s.options.map((o) => o.name)).toEqual(['-a']);
    expect(s.operands.map((o) => o.value)).toEqual(['-b', 'x']);
    expect(s.endOfOptions).toBe(2);
    expect(getopt(['x', '-a'], { short: 'a' }).options).toEqual([]);
    expect(getopt(['x', '-a'], { short: 'a', permute: true }).options.map((o) => o.name)).toEqual(['-a']);
  });
  it('reads single-dash long options where the program does', () => {
    expect(names(['/srv', '-name', '*.log', '-delete'], { long: ['name=', 'delete'], singleDashLong: true, permute: true }))
      .toEqual(['-name=*.log', '-delete']);
  });
  it('gives the value of an alias under either name', () => {
    const s = getopt(['-u', 'root', 'x'], { short: 'u:', long: ['user=|u'] });
    expect(valueOf(s, '--user')).toBe('root');
    expect(valueOf(s, '-u')).toBe('root');
  });
  it('keeps computed words as operands', () => {
    expect(getopt([null, '-a'], { short: 'a' }).operands.map((o) => o.value)).toEqual([null, '-a']);
  });
});
