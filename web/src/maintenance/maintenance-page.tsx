import { PageHeading } from '../components/page-heading.tsx';

/** Maintenance of the register: sign in, see what you may change, change it. */
export default function MaintenancePage() {
  return <PageHeading title="Vedligehold">Vedligehold registeret</PageHeading>;
}
