import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryRunner, Sequencer, type QueryState } from './latest';

export interface QueryOptions {
  /** Waits this long after the inputs last changed before calling (typing in a field). */
  debounceMs?: number;
  /** Called with the error of the newest call only (an overtaken call's error is dropped too). */
  onError?: (error: unknown) => void;
}

export interface Query<T> extends QueryState<T> {
  /** Calls again with the current inputs; resolves when that call has settled or was overtaken. */
  refresh: () => Promise<void>;
}

/**
 * Runs a contract call for the given inputs and keeps its answer: again whenever the inputs
 * change (compared by value, as JSON), never when `inputs` is null. When the inputs change again
 * or the component unmounts, the older call's answer is ignored, so an older answer can never
 * replace a newer one. The previous data stays while the next call loads.
 *
 *   const { data, loading } = useQuery(project ? { project } : null, (a) => workbench.project.info(a));
 */
export function useQuery<I, T>(
  inputs: I | null,
  call: (inputs: I, signal: AbortSignal) => Promise<T>,
  options: QueryOptions = {},
): Query<T> {
  const key = inputs === null ? null : JSON.stringify(inputs);
  const [state, setState] = useState<QueryState<T>>(() => ({ data: undefined, error: null, loading: key !== null }));
  const latest = useRef({ inputs, call, onError: options.onError });
  // Declared before the effect that calls, so the call made for this render sees this render's values.
  useEffect(() => {
    latest.current = { inputs, call, onError: options.onError };
  });
  const [runner] = useState(
    () =>
      new QueryRunner<T>(
        (patch) => setState((s) => ({ ...s, ...patch })),
        (error) => latest.current.onError?.(error),
      ),
  );
  const debounceMs = options.debounceMs ?? 0;

  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    const captured = latest.current.inputs as I;
    void runner.run((signal) => latest.current.call(captured, signal), debounceMs);
    return () => runner.cancel();
  }, [key, debounceMs, runner]);

  const refresh = useCallback(async () => {
    const { inputs: current } = latest.current;
    if (current === null) return;
    await runner.run((signal) => latest.current.call(current, signal));
  }, [runner]);

  return { ...state, refresh };
}

/**
 * A sequencer for calls a user starts by hand (a preview button): `begin()` before the call,
 * `ticket.isCurrent()` before using its answer; everything is dropped on unmount.
 */
export function useLatest(): Sequencer {
  const [seq] = useState(() => new Sequencer());
  useEffect(() => () => seq.cancel(), [seq]);
  return seq;
}
