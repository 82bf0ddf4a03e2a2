import { useEffect, useRef, type ReactNode } from 'react';
import { FindingsView } from '../findings/findings-view';
import { OverviewView } from '../overview/overview-view';
import { PersonView } from '../person/person-view';
import { useSession } from '../session/session';
import { routeHref, useRoute, type Route } from './hash-route';

interface View {
  path: string;
  label: string;
  render: (route: Route) => ReactNode;
}

const VIEWS: readonly View[] = [
  { path: '/', label: 'Overview', render: (route) => <OverviewView route={route} /> },
  { path: '/person', label: 'Where does data go', render: (route) => <PersonView route={route} /> },
  { path: '/findings', label: 'Findings', render: (route) => <FindingsView route={route} /> },
];

/** The signed-in console: the header with navigation and the sign-out, and the view the address names. */
export function ConsoleShell() {
  const { me, signOut } = useSession();
  const route = useRoute();
  const view = VIEWS.find((candidate) => candidate.path === route.path);
  const main = useRef<HTMLElement>(null);

  // A new view moves the keyboard focus to its content, as a page load would.
  useEffect(() => {
    main.current?.focus();
  }, [route.path]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => (event.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top-bar">
        <span className="product">Flowmap</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((candidate) => (
              <li key={candidate.path}>
                <a href={routeHref(candidate.path)} aria-current={candidate === view ? 'page' : undefined}>
                  {candidate.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" data-role={me.role}>
          {me.name} <span className="role">({me.role})</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {view ? (
          view.render(route)
        ) : (
          <>
            <h1>Not found</h1>
            <p>
              The console has no view at <code>{route.path}</code>. <a href={routeHref('/')}>Go to the overview</a>.
            </p>
          </>
        )}
      </main>
    </>
  );
}
