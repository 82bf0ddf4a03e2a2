import { useState, type FormEvent } from 'react';
import { ApiError, runOperation } from '../api/graphql-client';
import { MeQuery } from './me.query';
import type { SignedIn } from './session';

/** What a refused sign-in means for the person at the keyboard, by the API's error code. */
export function signInProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Signing in failed: ' + String(error);
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'This token is not accepted (401): it is unknown, revoked or mistyped. Paste the whole secret, starting with fm_.';
    case 'FORBIDDEN':
      return 'This token may not use the console (403).';
    case 'RATE_LIMITED':
      return `Too many failed sign-ins from this address (429). ${error.message}`;
    case 'NETWORK_ERROR':
      return 'The Flowmap server could not be reached. Is it running?';
    default:
      return `Signing in failed: ${error.message}`;
  }
}

export function SignInView(props: { onSignedIn: (signedIn: SignedIn) => void; notice: string | null }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const secret = token.trim();
    if (secret === '') {
      setProblem('Paste an API token first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { me } = await runOperation(MeQuery, {}, secret);
      props.onSignedIn({ token: secret, me });
    } catch (error) {
      setProblem(signInProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Flowmap console</h1>
      <p>Sign in with an API token. It is kept in this tab only (session storage) and sent to this server alone.</p>
      {props.notice && (
        <p className="notice" role="status">
          {props.notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="api-token">API token</label>
        <input
          id="api-token"
          name="api-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="fm_…"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={problem ? 'sign-in-problem' : undefined}
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {problem && (
          <p id="sign-in-problem" className="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      <p className="hint">
        The first <code>npm start</code> prints an ADMIN token; an ADMIN makes more with <code>createApiToken</code>.
      </p>
    </main>
  );
}
