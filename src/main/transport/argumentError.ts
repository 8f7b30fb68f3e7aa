import type { z } from 'zod';
import { AppError, type WireIssue } from '../../shared/errors';

/** A bad argument as an error: the issues one per schema path, and one sentence naming the method. */
export function argumentError(method: string, error: z.ZodError): AppError {
  const issues = toIssues(error);
  return new AppError('BAD_ARGUMENT', describeIssues(method, issues), issues);
}

/** Zod's issues as they cross the wire: the path as strings (array indexes too), the message as written. */
function toIssues(error: z.ZodError): WireIssue[] {
  return error.issues.map((i) => {
    const bound = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
    const origin = 'origin' in i && typeof i.origin === 'string' ? i.origin : undefined;
    const minimum = i.code === 'too_small' ? bound(i.minimum) : undefined;
    const maximum = i.code === 'too_big' ? bound(i.maximum) : undefined;
    return {
      path: i.path.map(String),
      message: i.message,
      code: i.code,
      ...(origin ? { origin } : {}),
      ...(minimum !== undefined ? { minimum } : {}),
      ...(maximum !== undefined ? { maximum } : {}),
    };
  });
}

function describeIssues(method: string, issues: WireIssue[]): string {
  const parts = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Bad argument for ${method}: ${parts.join('; ')}.`;
}
