/**
 * zod's default messages ("Invalid input: expected string, received undefined") written as an officer
 * reads them. Imported by the schemas, so every boundary that validates with them speaks the same way.
 */
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'is required';
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    }
    if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int'))
      return `must be at most ${String(issue.maximum)}`;
    if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int'))
      return `must be at least ${String(issue.minimum)}`;
    return undefined;
  },
});
