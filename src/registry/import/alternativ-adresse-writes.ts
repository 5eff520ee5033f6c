import type { AlternativAdresseInput } from '../domain/import-input.ts';
import type { AlternativAdresse, EjetDaginstitution } from '../domain/model.ts';
import { validateAlternativAdresseFields, type RuleError } from '../rules/index.ts';
import { fejl, ok, type ImportSvar } from './import-answer.ts';
import { changed, text, toAdresse } from './input-to-model.ts';
import { requireParentNumber, type Structure } from './structure.ts';
import type { WriteTools } from './write-tools.ts';

const A = 'AlternativAdresse';

/** The daginstitution above a unit, which the rights and the municipality rule look at. */
function daginstitutionOf(structure: Structure, enhedsNummer: string): EjetDaginstitution {
  const unit = structure.anvisningsenhed(enhedsNummer);
  const parent = unit === undefined ? undefined : structure.daginstitution(unit.daginstitutionsNummer);
  if (parent === undefined) throw new Error(`Unit ${enhedsNummer} has no daginstitution`);
  return parent;
}

/** InsertAlternativAdresse: under an existing, active anvisningsenhed. */
export function insertAlternativAdresse(
  tools: WriteTools,
  structure: Structure,
  a: AlternativAdresseInput,
): ImportSvar {
  const errors: RuleError[] = validateAlternativAdresseFields(a, 'insert', tools.externalChecks, A);
  const named = requireParentNumber(
    a.EnhedsNummer,
    `${A}/EnhedsNummer`,
    'den anvisningsenhed adressen hører til',
    errors,
  );
  const unitNummer = named.nummer;
  if (named.error !== null) errors.push(named.error);
  if (errors.length > 0) return fejl(errors);
  return tools.write((w) => {
    const unit = structure.parentAnvisningsenhed(unitNummer, `${A}/EnhedsNummer`);
    if (unit.error !== null) return fejl([unit.error]);
    const daginstitution = daginstitutionOf(structure, unitNummer);
    const pNummer = text(a.PNummer);
    const cvrNummer = tools.cvrOf(pNummer);
    const refused =
      tools.refusal(unitNummer, [tools.scopeOf(daginstitution)], `${A}/EnhedsNummer`) ??
      tools.pNummerRefusal(unitNummer, pNummer, `${A}/PNummer`);
    if (refused !== null) return fejl([refused]);
    const nummer = w.issueNumber();
    const stamp = w.recordChange(tools.change('alternativadresse', nummer));
    w.putAlternativAdresse({
      alternativAdresseNummer: nummer,
      anvisningsenhedsNummer: unitNummer,
      navn: text(a.Navn) ?? '',
      adresse: toAdresse(a.Adresse ?? {}),
      email: text(a.Email),
      telefonNummer: text(a.TelefonNummer),
      cvrNummer,
      pNummer,
      aktivitetsstatus: 'Aktiv',
      oprettetTidspunkt: stamp.aendretTidspunkt,
      nedlagtTidspunkt: null,
      ...stamp,
    });
    return ok(nummer, stamp.aendringsSekvens);
  });
}

/** UpdateAlternativAdresse: only the fields sent; moving is MoveAlternativAdresse's. */
export function updateAlternativAdresse(
  tools: WriteTools,
  structure: Structure,
  a: AlternativAdresseInput,
): ImportSvar {
  const errors = validateAlternativAdresseFields(a, 'update', tools.externalChecks, A);
  const nummer = a.AlternativAdresseNummer?.trim() ?? '';
  if (errors.length > 0) return fejl(errors, nummer || undefined);
  return tools.write((w) => {
    const found = structure.activeAlternativAdresse(nummer, `${A}/AlternativAdresseNummer`);
    if (found.error !== null) return fejl([found.error], nummer);
    const current = found.record;
    const daginstitution = daginstitutionOf(structure, current.anvisningsenhedsNummer);
    const pNummer = changed(a.PNummer, (v) => v.trim(), current.pNummer);
    const next: AlternativAdresse = {
      ...current,
      navn: changed(a.Navn, (v) => v.trim(), current.navn),
      adresse: a.Adresse === undefined ? current.adresse : toAdresse(a.Adresse),
      email: changed(a.Email, text, current.email),
      telefonNummer: changed(a.TelefonNummer, text, current.telefonNummer),
      pNummer,
      cvrNummer: a.PNummer === undefined ? current.cvrNummer : tools.cvrOf(pNummer),
    };
    const refused =
      tools.refusal(nummer, [tools.scopeOf(daginstitution)], `${A}/AlternativAdresseNummer`) ??
      (pNummer === current.pNummer ? null : tools.pNummerRefusal(nummer, pNummer, `${A}/PNummer`));
    if (refused !== null) return fejl([refused], nummer);
    if (a.EnhedsNummer !== undefined && a.EnhedsNummer.trim() !== current.anvisningsenhedsNummer) {
      return fejl(
        [
          {
            felt: `${A}/EnhedsNummer`,
            kode: 'FORMAT_UGYLDIG',
            tekst: `En opdatering kan ikke flytte adressen til ${a.EnhedsNummer.trim()}; brug MoveAlternativAdresse.`,
          },
        ],
        nummer,
      );
    }
    const stamp = w.recordChange(tools.change('alternativadresse', nummer));
    w.putAlternativAdresse({ ...next, ...stamp });
    return ok(nummer, stamp.aendringsSekvens);
  });
}

/** DeleteAlternativAdresse: closes it (Nedlagt); the number is never reused. */
export function deleteAlternativAdresse(tools: WriteTools, structure: Structure, nummer: string): ImportSvar {
  const felt = 'AlternativAdresseNummer';
  return tools.write((w) => {
    const found = structure.activeAlternativAdresse(nummer, felt);
    if (found.error !== null) return fejl([found.error], nummer);
    const daginstitution = daginstitutionOf(structure, found.record.anvisningsenhedsNummer);
    const refused = tools.refusal(nummer, [tools.scopeOf(daginstitution)], felt);
    if (refused !== null) return fejl([refused], nummer);
    const stamp = w.recordChange(tools.change('alternativadresse', nummer));
    w.putAlternativAdresse(tools.closed(found.record, stamp));
    return ok(nummer, stamp.aendringsSekvens);
  });
}

/** MoveAlternativAdresse: to another active anvisningsenhed in the same administrating municipality. */
export function moveAlternativAdresse(
  tools: WriteTools,
  structure: Structure,
  nummer: string,
  targetNummer: string,
): ImportSvar {
  return tools.write((w) => {
    const found = structure.activeAlternativAdresse(nummer, 'AlternativAdresseNummer');
    if (found.error !== null) return fejl([found.error], nummer);
    const target = structure.parentAnvisningsenhed(targetNummer, 'EnhedsNummer');
    if (target.error !== null) return fejl([target.error], nummer);
    const from = daginstitutionOf(structure, found.record.anvisningsenhedsNummer);
    const to = daginstitutionOf(structure, targetNummer);
    // Where it leaves and where it goes, both by their daginstitutions; a move grants nothing.
    const refused = tools.refusal(nummer, [tools.scopeOf(from), tools.scopeOf(to)], 'EnhedsNummer');
    if (refused !== null) return fejl([refused], nummer);
    const errors: RuleError[] = [];
    if (found.record.anvisningsenhedsNummer === targetNummer) {
      errors.push({
        felt: 'EnhedsNummer',
        kode: 'FORMAT_UGYLDIG',
        tekst: `Adressen ${nummer} ligger allerede under ${targetNummer}.`,
      });
    }
    if (from.admKommuneKode !== to.admKommuneKode) {
      errors.push({
        felt: 'EnhedsNummer',
        kode: 'FLYTNING_TVAERS_AF_KOMMUNE',
        tekst: `Adressen kan kun flyttes inden for kommune ${from.admKommuneKode}; ${targetNummer} hører til kommune ${to.admKommuneKode}.`,
      });
    }
    if (errors.length > 0) return fejl(errors, nummer);
    const stamp = w.recordChange(tools.change('alternativadresse', nummer));
    w.putAlternativAdresse({
      ...found.record,
      anvisningsenhedsNummer: targetNummer,
      ...stamp,
    });
    return ok(nummer, stamp.aendringsSekvens);
  });
}
