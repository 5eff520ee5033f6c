import { useState } from 'react';
import { PageHeading } from '../components/page-heading.tsx';
import { useFilterOptions } from '../components/filter-options.ts';
import { FilterSelect } from '../components/filter-select.tsx';

/** The register's exports as the gateway serves them (src/gateway/export/routes.ts). */
const FILES = [
  { path: '/export/daginstitutioner.csv', label: 'Daginstitutioner (CSV)' },
  { path: '/export/anvisningsenheder.csv', label: 'Anvisningsenheder (CSV)' },
  { path: '/export/alternative-adresser.csv', label: 'Alternative adresser (CSV)' },
  { path: '/export/samlet.csv', label: 'Samlet udtræk (CSV)' },
  { path: '/export/anvisningsenheder.geojson', label: 'Anvisningsenheder (GeoJSON)' },
  { path: '/export/alternative-adresser.geojson', label: 'Alternative adresser (GeoJSON)' },
] as const;

/** Eksport: the register's four CSV files and GeoJSON, whole or for a municipality, type or status. */
export function ExportPage() {
  const options = useFilterOptions();
  const [kommune, setKommune] = useState('');
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const query = new URLSearchParams();
  if (kommune !== '') query.set('kommune', kommune);
  if (type !== '') query.set('type', type);
  if (status !== '') query.set('status', status);
  const suffix = query.size === 0 ? '' : `?${query.toString()}`;
  return (
    <>
      <PageHeading title="Eksport">Eksport af registeret</PageHeading>
      <p>
        Filerne har registerets eget format: semikolonseparerede, UTF-8 med BOM, decimalkomma og registerets
        kolonnenavne. Det samlede udtræk har alle tre niveauer med kolonnen <code>dagtilbudsType</code> først.
        Adresserne findes også som GeoJSON (WGS84). Filerne laves af registerets aktuelle data, når de hentes.
      </p>
      <form className="search-form" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect
          id="eksport-kommune"
          label="Kommune"
          all="Hele landet"
          options={options.municipalities}
          value={kommune}
          onChange={(e) => setKommune(e.target.value)}
        />
        <FilterSelect
          id="eksport-type"
          label="Institutionstype"
          all="Alle typer"
          options={options.institutionTypes}
          value={type}
          onChange={(e) => setType(e.target.value)}
        />
        <div className="field">
          <label htmlFor="eksport-status">Status</label>
          <select id="eksport-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Aktive</option>
            <option value="nedlagt">Nedlagte</option>
            <option value="alle">Alle</option>
          </select>
        </div>
      </form>
      <ul className="downloads">
        {FILES.map((file) => (
          <li key={file.path}>
            <a href={`${file.path}${suffix}`} download>
              {file.label}
            </a>{' '}
            <code>{`${file.path}${suffix}`}</code>
          </li>
        ))}
      </ul>
      <p>
        Til scripts: adresserne er faste, og filtrene er <code>kommune</code> (kommunekode), <code>type</code>{' '}
        (instType3, flere adskilt af komma), <code>ejerform</code> og <code>status</code> (<code>aktiv</code>,{' '}
        <code>nedlagt</code> eller <code>alle</code>), fx{' '}
        <code>curl -O http://localhost:4000/export/anvisningsenheder.csv?kommune=101</code>.
      </p>
    </>
  );
}
