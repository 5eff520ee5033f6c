import { lazy, Suspense, useEffect, useRef } from 'react';
import { ExportPage } from './pages/export-page.tsx';
import { InstitutionPage } from './pages/institution-page.tsx';
import { NearPage } from './pages/near-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { useHashRoute } from './lib/use-hash-route.ts';

// Maintenance is for the few who maintain the register: its code loads only when it is opened, so
// the public pages stay light (the build prints what each page loads).
const MaintenancePage = lazy(() => import('./maintenance/maintenance-page.tsx'));

const NAV = [
  { path: '/', label: 'Søg' },
  { path: '/naer', label: 'Nær et punkt' },
  { path: '/eksport', label: 'Eksport' },
  { path: '/vedligehold', label: 'Vedligehold' },
] as const;

function View({ path, params }: { path: string; params: URLSearchParams }) {
  const institution = /^\/institution\/([A-Za-z0-9]{1,10})$/.exec(path);
  if (institution?.[1] !== undefined) return <InstitutionPage number={institution[1].toUpperCase()} />;
  if (path === '/naer') return <NearPage params={params} />;
  if (path === '/eksport') return <ExportPage />;
  if (path.startsWith('/vedligehold'))
    return (
      <Suspense fallback={<p role="status">Indlæser vedligeholdelse …</p>}>
        <MaintenancePage />
      </Suspense>
    );
  return <SearchPage params={params} />;
}

/** The whole app: a header with the main navigation and one view chosen by the URL's hash. */
export function App() {
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation, move focus to the new view, so a keyboard or screen reader user starts there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.path]);
  const section = route.path.startsWith('/institution')
    ? '/'
    : route.path.startsWith('/vedligehold')
      ? '/vedligehold'
      : route.path;
  return (
    <>
      <a
        className="skip-link"
        href="#indhold"
        onClick={(event) => {
          event.preventDefault();
          main.current?.querySelector<HTMLElement>('h1')?.focus();
        }}
      >
        Spring til indhold
      </a>
      <header className="site-header">
        <p className="site-name">
          <a href="#/">Dagtilbudsregisteret</a>
        </p>
        <nav aria-label="Hovedmenu">
          <ul>
            {NAV.map((item) => (
              <li key={item.path}>
                <a href={`#${item.path}`} aria-current={section === item.path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="indhold" ref={main}>
        <View path={route.path} params={route.params} />
      </main>
      <footer className="site-footer">
        <p>
          Data fra Dagtilbudsregisteret via GraphQL (<a href="/playground">playground</a>). Udtræk:{' '}
          <a href="#/eksport">Eksport</a>.
        </p>
      </footer>
    </>
  );
}
