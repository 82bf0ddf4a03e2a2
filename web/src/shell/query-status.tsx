import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-query';

/** A query's loading and error states, the same in every view; `children` draws the answer. */
export function QueryStatus<T>(props: { state: QueryState<T> | null; what: string; children: (data: T) => ReactNode }) {
  const { state } = props;
  if (state === null) return null;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading {props.what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="problem" role="alert">
        Could not load {props.what}: {state.error.message}
      </p>
    );
  }
  return <>{props.children(state.data)}</>;
}
