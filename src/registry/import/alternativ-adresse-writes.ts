import type { AlternativAdresseInput } from '../domain/import-input.ts';
import type { AlternativAdresse } from '../domain/model.ts';
import type { ChangeStamp } from '../store/registry-store.ts';
import { validateAlternativAdresseFields, type RuleError } from '../rules/index.ts';
import type { ImportSvar } from './import-answer.ts';
import { changed, text, toAdresse } from './input-to-model.ts';
import { requireParentNumber, type Structure } from './structure.ts';
import { refuse, runWrite } from './write-skeleton.ts';
import type { WriteTools } from './write-tools.ts';

const A = 'AlternativAdresse';

/** InsertAlternativAdresse: under an existing, active anvisningsenhed. */
export function insertAlternativAdresse(
  tools: WriteTools,
  structure: Structure,
  a: AlternativAdresseInput,
): ImportSvar {
  const errors: RuleError[] = validateAlternativAdresseFields(a, 'insert', tools.externalChecks, A);
  const unitNummer = requireParentNumber(
    a.EnhedsNummer,
    `${A}/EnhedsNummer`,
    'den anvisningsenhed adressen hører til',
    errors,
  );
  return runWrite(tools, { errors }, (w) => {
    const unit = structure.parentAnvisningsenhed(unitNummer, `${A}/EnhedsNummer`);
    if (unit.error !== null) return refuse([unit.error]);
    const daginstitution = structure.daginstitutionOfUnit(unitNummer);
    const pNummer = text(a.PNummer);
    const cvrNummer = tools.cvrOf(pNummer);
    const refused =
      tools.refusal(unitNummer, [tools.scopeOf(daginstitution)], `${A}/EnhedsNummer`) ??
      tools.pNummerRefusal(unitNummer, pNummer, `${A}/PNummer`);
    if (refused !== null) return refuse([refused]);
    const nummer = w.issueNumber();
    const record = (stamp: ChangeStamp): AlternativAdresse => ({
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
    return { changes: [{ niveau: 'alternativadresse', nummer, record }] };
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
  return runWrite(tools, { errors, nummer: nummer || undefined }, () => {
    const found = structure.activeAlternativAdresse(nummer, `${A}/AlternativAdresseNummer`);
    if (found.error !== null) return refuse([found.error], nummer);
    const current = found.record;
    const daginstitution = structure.daginstitutionOfUnit(current.anvisningsenhedsNummer);
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
    if (refused !== null) return refuse([refused], nummer);
    if (a.EnhedsNummer !== undefined && a.EnhedsNummer.trim() !== current.anvisningsenhedsNummer) {
      return refuse(
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
    return { changes: [{ niveau: 'alternativadresse', nummer, record: (stamp) => ({ ...next, ...stamp }) }] };
  });
}

/** DeleteAlternativAdresse: closes it (Nedlagt); the number is never reused. */
export function deleteAlternativAdresse(tools: WriteTools, structure: Structure, nummer: string): ImportSvar {
  const felt = 'AlternativAdresseNummer';
  return runWrite(tools, { errors: [] }, () => {
    const found = structure.activeAlternativAdresse(nummer, felt);
    if (found.error !== null) return refuse([found.error], nummer);
    const daginstitution = structure.daginstitutionOfUnit(found.record.anvisningsenhedsNummer);
    const refused = tools.refusal(nummer, [tools.scopeOf(daginstitution)], felt);
    if (refused !== null) return refuse([refused], nummer);
    const closed = (stamp: ChangeStamp) => tools.closed(found.record, stamp);
    return { changes: [{ niveau: 'alternativadresse', nummer, record: closed }] };
  });
}

/** MoveAlternativAdresse: to another active anvisningsenhed in the same administrating municipality. */
export function moveAlternativAdresse(
  tools: WriteTools,
  structure: Structure,
  nummer: string,
  targetNummer: string,
): ImportSvar {
  return runWrite(tools, { errors: [] }, () => {
    const found = structure.activeAlternativAdresse(nummer, 'AlternativAdresseNummer');
    if (found.error !== null) return refuse([found.error], nummer);
    const target = structure.parentAnvisningsenhed(targetNummer, 'EnhedsNummer');
    if (target.error !== null) return refuse([target.error], nummer);
    const from = structure.daginstitutionOfUnit(found.record.anvisningsenhedsNummer);
    const to = structure.daginstitutionOfUnit(targetNummer);
    // Where it leaves and where it goes, both by their daginstitutions; a move grants nothing.
    const refused = tools.refusal(nummer, [tools.scopeOf(from), tools.scopeOf(to)], 'EnhedsNummer');
    if (refused !== null) return refuse([refused], nummer);
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
    if (errors.length > 0) return refuse(errors, nummer);
    const moved = (stamp: ChangeStamp) => ({
      ...found.record,
      anvisningsenhedsNummer: targetNummer,
      ...stamp,
    });
    return { changes: [{ niveau: 'alternativadresse', nummer, record: moved }] };
  });
}
