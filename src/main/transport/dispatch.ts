import { contract, isMethod } from '../../shared/contract';
import { toWireError, type WireError } from '../../shared/errors';
import { argumentError } from './argumentError';
import type { CallContext, Handlers } from './handlers';

export type Reply = { ok: true; result: unknown } | { ok: false; error: WireError };

/**
 * The one gate for every call: the method must exist, the argument must parse against its
 * schema, and any failure becomes `{ code, message }` (a bad argument also carries `issues`, one per
 * failed check, with its schema path; a service's keyed error of any code carries its one keyed
 * issue). Nothing runs on a bad argument.
 */
export async function dispatch(handlers: Handlers, method: string, rawArgs: unknown, ctx: CallContext): Promise<Reply> {
  if (!isMethod(method)) return fail({ code: 'UNKNOWN_METHOD', message: `There is no method named ${method}.` });
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return fail(toWireError(argumentError(method, parsed.error)));
  }
  try {
    const handler = handlers[method] as (args: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data, ctx) };
  } catch (error) {
    return fail(toWireError(error));
  }
}


function fail(error: WireError): Reply {
  return { ok: false, error };
}
