import type { Parameter } from './schemas/index.ts';

/** The value of a dated parameter in force on `date` (YYYY-MM-DD), or undefined before its first value. */
export function valueAt(parameter: Parameter, date: string): Parameter['values'][number] | undefined {
  let current: Parameter['values'][number] | undefined;
  for (const value of parameter.values) {
    if (value.from <= date && (!current || value.from >= current.from)) current = value;
  }
  return current;
}
