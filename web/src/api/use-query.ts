import { useEffect, useState } from 'react';
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import { useSession } from '../session/session';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = TadaDocumentNode<any, any>;

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: Error } | { status: 'done'; data: T };

/**
 * Runs a query when the view shows and whenever its variables change; `skip` runs nothing (a view
 * that needs input first). A newer request cancels the one in flight.
 */
export function useQuery<D extends AnyDocument>(document: D, variables: VariablesOf<D>, options: { skip?: boolean } = {}): QueryState<ResultOf<D>> | null {
  const { run } = useSession();
  const [state, setState] = useState<QueryState<ResultOf<D>> | null>(null);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) {
      setState(null);
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    run(document, JSON.parse(key) as VariablesOf<D>, controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'done', data }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
  }, [document, key, options.skip, run]);
  return state;
}
