import type { ArgsIn, EventName, Events, Method, Result } from './contract';
import type { WireError, WireIssue } from './errors';

/** Splits 'project.open' into workbench.project.open. */
type Group<M extends string> = M extends `${infer G}.${string}` ? G : never;
type Verb<M extends string, G extends string> = M extends `${G}.${infer V}` ? V : never;
type Call<M extends Method> = (args: ArgsIn<M>) => Promise<Result<M>>;
type Join<G extends string, V extends string> = Extract<`${G}.${V}`, Method>;

export type WorkbenchApi = {
  [G in Group<Method>]: { [V in Verb<Method, G>]: Call<Join<G, V>> };
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export type RawReply = { ok: true; result: unknown } | { ok: false; error: WireError };

/** A rejected call carries the wire error's code; the renderer switches on it. */
export class CallError extends Error {
  constructor(
    readonly code: WireError['code'],
    message: string,
    /** The failed checks of a BAD_ARGUMENT, or a keyed error's sentence key and values (any code), for the app to word in its language. */
    readonly issues?: WireIssue[],
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** Builds the typed client object from the method list; the same for the preload and browser mode. */
export function buildApi(
  methods: readonly Method[],
  send: (method: Method, args: unknown) => Promise<RawReply>,
  subscribe: (listener: (name: string, payload: unknown) => void) => () => void,
): WorkbenchApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const method of methods) {
    const [group, verb] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][verb] = async (args: unknown) => {
      const reply = await send(method, args ?? {});
      if (!reply.ok) throw new CallError(reply.error.code, reply.error.message, reply.error.issues);
      return reply.result;
    };
  }
  const on = (event: EventName, listener: (payload: unknown) => void) =>
    subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return Object.assign(api, { on }) as unknown as WorkbenchApi;
}
