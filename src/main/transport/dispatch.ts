import { z } from 'zod';
import { contract, isMethod } from '../../shared/contract';
import { AppError, type WireError, type WireIssue } from '../../shared/errors';
import type { CallContext, Handlers } from './handlers';

export type Reply = { ok: true; result: unknown } | { ok: false; error: WireError };

/**
 * The one gate for every call: the method must exist, the argument must parse against its
 * schema, and any failure becomes `{ code, message }` (a bad argument also carries `issues`, one per
 * failed check, with its schema path). Nothing runs on a bad argument.
 */
export async function dispatch(handlers: Handlers, method: string, rawArgs: unknown, ctx: CallContext): Promise<Reply> {
  if (!isMethod(method)) return fail({ code: 'UNKNOWN_METHOD', message: `There is no method named ${method}.` });
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    return fail({ code: 'BAD_ARGUMENT', message: describeIssues(method, issues), issues });
  }
  try {
    const handler = handlers[method] as (args: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data, ctx) };
  } catch (error) {
    return fail(toWireError(error));
  }
}

export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) {
    return error.issues ? { code: error.code, message: error.message, issues: error.issues } : { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

function fail(error: WireError): Reply {
  return { ok: false, error };
}

/** Zod's issues as they cross the wire: the path as strings (array indexes too), the message as written. */
function toIssues(error: z.ZodError): WireIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
}

function describeIssues(method: string, issues: WireIssue[]): string {
  const parts = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Bad argument for ${method}: ${parts.join('; ')}.`;
}
