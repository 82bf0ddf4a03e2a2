import { useEffect, useState } from 'react';
import { ApiError, runOperation } from './api/graphql-client';
import { MeQuery } from './session/me.query';
import { SessionProvider, useSignedIn, type SignedIn } from './session/session';
import { SignInView, signInProblem } from './session/sign-in-view';
import { forgetToken, storedToken } from './session/token-store';
import { ConsoleShell } from './shell/console-shell';

/** Resumes a session from the token kept in this tab, if the API still takes it. */
function useResumedSession(): { resumed: SignedIn | null; checking: boolean; problem: string | null } {
  const [state, setState] = useState<{ resumed: SignedIn | null; checking: boolean; problem: string | null }>(() => ({ resumed: null, checking: storedToken() !== null, problem: null }));
  useEffect(() => {
    const token = storedToken();
    if (token === null) return;
    runOperation(MeQuery, {}, token).then(
      ({ me }) => setState({ resumed: { token, me }, checking: false, problem: null }),
      (error: unknown) => {
        if (error instanceof ApiError && error.unauthenticated) forgetToken();
        setState({ resumed: null, checking: false, problem: signInProblem(error) });
      },
    );
  }, []);
  return state;
}

export function App() {
  const { resumed, checking, problem } = useResumedSession();
  if (checking) {
    return (
      <p className="loading" role="status">
        Checking the saved token…
      </p>
    );
  }
  return <SignedInOrNot resumed={resumed} problem={problem} />;
}

function SignedInOrNot(props: { resumed: SignedIn | null; problem: string | null }) {
  const { signedIn, endedBecause, signIn, signOut } = useSignedIn(props.resumed);
  if (!signedIn) return <SignInView onSignedIn={signIn} notice={endedBecause ?? props.problem} />;
  return (
    <SessionProvider signedIn={signedIn} onSignOut={signOut}>
      <ConsoleShell />
    </SessionProvider>
  );
}
