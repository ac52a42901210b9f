import type { z } from 'zod';

/** For a union (e.g. string or blocks), the branch issue that got furthest names the field best. */
function deepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue = issue;
  for (const inner of issue.errors.flat()) {
    const candidate = deepestIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue);
    if (candidate.path.length > best.path.length) best = candidate;
  }
  return best;
}

/**
 * The issue a dialect reports for a body that failed its schema: the first one, descended into
 * unions. Undefined when the failure has no field (the body is not an object at all).
 */
export function reportableIssue(error: z.ZodError): z.core.$ZodIssue | undefined {
  const first = error.issues[0];
  const issue = first ? deepestIssue(first) : undefined;
  return issue && issue.path.length > 0 ? issue : undefined;
}
