import { PageHeading } from '../components/page-heading.tsx';
import { scopeOf, scopeText } from '../lib/rights.ts';
import { setSession, useSession } from '../lib/session.ts';
import { useHashRoute } from '../lib/use-hash-route.ts';
import { CreateDaycare } from './create-daycare.tsx';
import { DaycareEditor } from './daycare-editor.tsx';
import { Overview } from './overview.tsx';
import { SignIn } from './sign-in.tsx';

/**
 * Maintenance of the register (loaded only when opened): sign in, see which daginstitutioner you
 * may change, create one with its first unit, and change, move and close its units and addresses.
 */
export default function MaintenancePage() {
  const session = useSession();
  const { path } = useHashRoute();
  const rest = path.replace(/^\/vedligehold\/?/, '');
  if (session === null)
    return (
      <>
        <PageHeading title="Vedligehold">Vedligehold registeret</PageHeading>
        <SignIn />
      </>
    );
  const scope = scopeOf(session.user);
  return (
    <>
      <div className="panel" aria-label="Logget ind">
        <p>
          Logget ind som <strong>{session.user}</strong>. {scopeText(scope)}{' '}
          <button type="button" className="secondary" onClick={() => setSession(null)}>
            Log ud
          </button>
        </p>
      </div>
      {rest === '' && <Overview scope={scope} />}
      {rest === 'ny' && <CreateDaycare scope={scope} />}
      {/^[A-Za-z]\d{5}$/.test(rest) && <DaycareEditor number={rest.toUpperCase()} scope={scope} />}
    </>
  );
}
