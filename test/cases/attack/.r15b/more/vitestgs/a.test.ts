import { test } from 'vitest'; test('a', () => {});
