import type { AnvisningsEnhedInput, DaginstitutionInput } from '../domain/import-input.ts';
import type { AnvisningsEnhed, EjetDaginstitution } from '../domain/model.ts';
import type { ChangeStamp } from '../store/registry-store.ts';
import {
  checkCrossValidation,
  parseCode,
  parseKommuneKode,
  validateAnvisningsEnhedFields,
  validateDaginstitutionFields,
  type RuleError,
} from '../rules/index.ts';
import type { ImportSvar } from './import-answer.ts';
import { changed, code, text, toAdresse } from './input-to-model.ts';
import type { Structure } from './structure.ts';
import { refuse, runWrite } from './write-skeleton.ts';
import type { WriteTools } from './write-tools.ts';

const D = 'Daginstitution';
const E = 'AnvisningsEnhed';

/** A new unit from validated input (shared by InsertDaginstitution and InsertAnvisningsEnhed). */
export function newAnvisningsEnhed(
  tools: WriteTools,
  input: AnvisningsEnhedInput,
  nummer: string,
  daginstitutionsNummer: string,
  stamp: ChangeStamp,
): AnvisningsEnhed {
  const pNummer = text(input.PNummer);
  return {
    anvisningsenhedsNummer: nummer,
    daginstitutionsNummer,
    enhedsNavn: text(input.EnhedsNavn) ?? '',
    instType3: code(input.InstType3),
    adresse: toAdresse(input.Adresse ?? {}),
    email: text(input.Email),
    telefonNummer: text(input.TelefonNummer),
    cvrNummer: tools.cvrOf(pNummer),
    pNummer,
    aktivitetsstatus: 'Aktiv',
    oprettetTidspunkt: stamp.aendretTidspunkt,
    nedlagtTidspunkt: null,
    ...stamp,
  };
}

/**
 * InsertDaginstitution: a daginstitution is created together with its first anvisningsenhed, so
 * that no daginstitution is ever without one (contract §7; this project's choice).
 */
export function insertDaginstitution(
  tools: WriteTools,
  d: DaginstitutionInput,
  e: AnvisningsEnhedInput,
): ImportSvar {
  const errors: RuleError[] = [
    ...validateDaginstitutionFields(d, 'insert', D),
    ...validateAnvisningsEnhedFields(e, 'insert', tools.externalChecks, E),
  ];
  if (e.DagInstitutionsNummer !== undefined) {
    errors.push({
      felt: `${E}/DagInstitutionsNummer`,
      kode: 'NUMMER_TILDELES_AF_REGISTERET',
      tekst: 'DagInstitutionsNummer må ikke angives: den første enhed oprettes under den nye daginstitution.',
    });
  }
  const ejerform = parseCode(d.ejerformKode ?? '');
  const lovgrundlag = parseCode(d.lovgrundlagKode ?? '');
  const type = parseCode(e.InstType3 ?? '');
  if (ejerform !== null && lovgrundlag !== null && type !== null) {
    errors.push(
      ...checkCrossValidation(
        { ejerformKode: ejerform, lovgrundlagKode: lovgrundlag, instType3Koder: [type] },
        { ejerformKode: `${D}/ejerformKode`, instType3: `${E}/InstType3` },
      ),
    );
  }
  return runWrite(tools, { errors }, (w) => {
    const adm = parseKommuneKode(d.admKommuneKode ?? '') ?? 0;
    // The owner is recorded now, from the CVR the first unit's P-number gives, and never re-derived.
    const ejerCvrNummer = tools.cvrOf(text(e.PNummer));
    const scope = { ejerformKode: code(d.ejerformKode), admKommuneKode: adm, ejerCvrNummer };
    const refused =
      tools.refusal(undefined, [scope], D) ??
      tools.pNummerRefusal(undefined, text(e.PNummer), `${E}/PNummer`);
    if (refused !== null) return refuse([refused]);
    const nummer = w.issueNumber();
    const enhedsNummer = w.issueNumber();
    // One sequence per changed record, at one time: the daginstitution's, then its first unit's.
    return {
      changes: [
        {
          niveau: 'daginstitution',
          nummer,
          record: (stamp) => ({
            daginstitutionsNummer: nummer,
            daginstitutionsNavn: text(d.daginstitutionsNavn) ?? '',
            ejerformKode: code(d.ejerformKode),
            lovgrundlagKode: code(d.lovgrundlagKode),
            admKommuneKode: adm,
            ejerCvrNummer,
            aktivitetsstatus: 'Aktiv',
            oprettetTidspunkt: stamp.aendretTidspunkt,
            nedlagtTidspunkt: null,
            ...stamp,
          }),
        },
        {
          niveau: 'anvisningsenhed',
          nummer: enhedsNummer,
          record: (stamp) => newAnvisningsEnhed(tools, e, enhedsNummer, nummer, stamp),
        },
      ],
      anvisningsenhedsNummer: enhedsNummer,
    };
  });
}

/** UpdateDaginstitution: changes only the fields sent; the new codes must suit every active unit. */
export function updateDaginstitution(
  tools: WriteTools,
  structure: Structure,
  d: DaginstitutionInput,
): ImportSvar {
  const errors = validateDaginstitutionFields(d, 'update', D);
  const nummer = d.daginstitutionsNummer?.trim() ?? '';
  return runWrite(tools, { errors, nummer: d.daginstitutionsNummer }, () => {
    const found = structure.activeDaginstitution(nummer, `${D}/daginstitutionsNummer`);
    if (found.error !== null) return refuse([found.error], nummer);
    const current = found.record;
    const next: EjetDaginstitution = {
      ...current,
      daginstitutionsNavn: changed(d.daginstitutionsNavn, (v) => v.trim(), current.daginstitutionsNavn),
      ejerformKode: changed(d.ejerformKode, (v) => Number(v.trim()), current.ejerformKode),
      lovgrundlagKode: changed(d.lovgrundlagKode, (v) => Number(v.trim()), current.lovgrundlagKode),
      admKommuneKode: changed(d.admKommuneKode, (v) => parseKommuneKode(v) ?? 0, current.admKommuneKode),
    };
    // Rights on the institution as it is and as it would be: nobody writes an institution out of
    // reach. The owner is not an input, so it stays.
    const refused = tools.refusal(
      nummer,
      [tools.scopeOf(current), tools.scopeOf(next)],
      `${D}/daginstitutionsNummer`,
    );
    if (refused !== null) return refuse([refused], nummer);
    const crossErrors = checkCrossValidation(
      {
        ejerformKode: next.ejerformKode,
        lovgrundlagKode: next.lovgrundlagKode,
        instType3Koder: structure.activeUnitsOf(nummer).map((u) => u.instType3),
      },
      { ejerformKode: `${D}/ejerformKode`, instType3: `${D}/lovgrundlagKode` },
    );
    if (crossErrors.length > 0) return refuse(crossErrors, nummer);
    return { changes: [{ niveau: 'daginstitution', nummer, record: (stamp) => ({ ...next, ...stamp }) }] };
  });
}

/** DeleteDaginstitution: closes (Nedlagt) once no active unit is left under it; never cascades. */
export function deleteDaginstitution(tools: WriteTools, structure: Structure, nummer: string): ImportSvar {
  const felt = 'DagInstitutionsNummer';
  return runWrite(tools, { errors: [] }, () => {
    const found = structure.activeDaginstitution(nummer, felt);
    if (found.error !== null) return refuse([found.error], nummer);
    const refused = tools.refusal(nummer, [tools.scopeOf(found.record)], felt);
    if (refused !== null) return refuse([refused], nummer);
    const active = structure.activeUnitsOf(nummer);
    if (active.length > 0) {
      return refuse(
        [
          {
            felt,
            kode: 'HAR_AKTIVE_BOERN',
            tekst: `Daginstitutionen ${nummer} har ${active.length} aktive anvisningsenheder (${active
              .slice(0, 5)
              .map((u) => u.anvisningsenhedsNummer)
              .join(', ')}${active.length > 5 ? ' …' : ''}); de skal nedlægges eller flyttes først.`,
          },
        ],
        nummer,
      );
    }
    const closed = (stamp: ChangeStamp) => tools.closed(found.record, stamp);
    return { changes: [{ niveau: 'daginstitution', nummer, record: closed }] };
  });
}
