import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import { ApiError, runOperation } from '../api/graphql-client';
import type { Me } from './me.query';
import { forgetToken, storeToken } from './token-store';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = TadaDocumentNode<any, any>;

export interface Session {
  me: Me;
  /** Runs an operation with the session's token; a token the API no longer takes ends the session. */
  run<D extends AnyDocument>(document: D, variables: VariablesOf<D>, signal?: AbortSignal): Promise<ResultOf<D>>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}

export interface SignedIn {
  token: string;
  me: Me;
}

/** Keeps who is signed in; `onEnded` gets the reason when the API stops taking the token. */
export function useSignedIn(initial: SignedIn | null) {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(initial);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const signIn = useCallback((next: SignedIn) => {
    storeToken(next.token);
    setEndedBecause(null);
    setSignedIn(next);
  }, []);

  const signOut = useCallback((reason: string | null = null) => {
    forgetToken();
    setEndedBecause(reason);
    setSignedIn(null);
  }, []);

  return { signedIn, endedBecause, signIn, signOut };
}

export function SessionProvider(props: { signedIn: SignedIn; onSignOut: (reason: string | null) => void; children: ReactNode }) {
  const { signedIn, onSignOut } = props;
  const session = useMemo<Session>(
    () => ({
      me: signedIn.me,
      async run(document, variables, signal) {
        try {
          return await runOperation(document, variables, signedIn.token, signal);
        } catch (error) {
          if (error instanceof ApiError && error.unauthenticated) onSignOut('The API no longer accepts this token (revoked or expired). Sign in again.');
          throw error;
        }
      },
      signOut: () => onSignOut(null),
    }),
    [signedIn, onSignOut],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
