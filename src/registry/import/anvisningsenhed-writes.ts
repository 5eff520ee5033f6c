import type { AnvisningsEnhedInput } from '../domain/import-input.ts';
import type { AnvisningsEnhed } from '../domain/model.ts';
import type { ChangeStamp } from '../store/registry-store.ts';
import {
  checkCrossValidation,
  parseCode,
  validateAnvisningsEnhedFields,
  type RuleError,
} from '../rules/index.ts';
import { newAnvisningsEnhed } from './daginstitution-writes.ts';
import type { ImportSvar } from './import-answer.ts';
import { changed, text, toAdresse } from './input-to-model.ts';
import { requireParentNumber, type Structure } from './structure.ts';
import { refuse, runWrite } from './write-skeleton.ts';
import type { WriteTools } from './write-tools.ts';

const E = 'AnvisningsEnhed';

/** InsertAnvisningsEnhed: under an existing, active daginstitution whose codes suit the unit's type. */
export function insertAnvisningsEnhed(
  tools: WriteTools,
  structure: Structure,
  e: AnvisningsEnhedInput,
): ImportSvar {
  const errors: RuleError[] = validateAnvisningsEnhedFields(e, 'insert', tools.externalChecks, E);
  const parentNummer = requireParentNumber(
    e.DagInstitutionsNummer,
    `${E}/DagInstitutionsNummer`,
    'den daginstitution enheden oprettes under',
    errors,
  );
  return runWrite(tools, { errors }, (w) => {
    const parent = structure.parentDaginstitution(parentNummer, `${E}/DagInstitutionsNummer`);
    if (parent.error !== null) return refuse([parent.error]);
    const refused =
      tools.refusal(parentNummer, [tools.scopeOf(parent.record)], `${E}/DagInstitutionsNummer`) ??
      tools.pNummerRefusal(parentNummer, text(e.PNummer), `${E}/PNummer`);
    if (refused !== null) return refuse([refused]);
    const crossErrors = crossValidate(parent.record, code(e.InstType3));
    if (crossErrors.length > 0) return refuse(crossErrors);
    const nummer = w.issueNumber();
    const record = (stamp: ChangeStamp) => newAnvisningsEnhed(tools, e, nummer, parentNummer, stamp);
    return { changes: [{ niveau: 'anvisningsenhed', nummer, record }] };
  });
}

/** UpdateAnvisningsEnhed: only the fields sent; a new P-number brings its CVR; moving is MoveAnvisningsEnhed's. */
export function updateAnvisningsEnhed(
  tools: WriteTools,
  structure: Structure,
  e: AnvisningsEnhedInput,
): ImportSvar {
  const errors = validateAnvisningsEnhedFields(e, 'update', tools.externalChecks, E);
  const nummer = e.EnhedsNummer?.trim() ?? '';
  return runWrite(tools, { errors, nummer: nummer || undefined }, () => {
    const found = structure.activeAnvisningsenhed(nummer, `${E}/EnhedsNummer`);
    if (found.error !== null) return refuse([found.error], nummer);
    const current = found.record;
    const parent = structure.daginstitutionOfUnit(nummer);
    const pNummer = changed(e.PNummer, (v) => v.trim(), current.pNummer);
    const next: AnvisningsEnhed = {
      ...current,
      enhedsNavn: changed(e.EnhedsNavn, (v) => v.trim(), current.enhedsNavn),
      instType3: changed(e.InstType3, (v) => Number(v.trim()), current.instType3),
      adresse: e.Adresse === undefined ? current.adresse : toAdresse(e.Adresse),
      email: changed(e.Email, text, current.email),
      telefonNummer: changed(e.TelefonNummer, text, current.telefonNummer),
      pNummer,
      cvrNummer: e.PNummer === undefined ? current.cvrNummer : tools.cvrOf(pNummer),
    };
    // The unit's right is its daginstitution's; only a new P-number is checked on its own.
    const refused =
      tools.refusal(nummer, [tools.scopeOf(parent)], `${E}/EnhedsNummer`) ??
      (pNummer === current.pNummer ? null : tools.pNummerRefusal(nummer, pNummer, `${E}/PNummer`));
    if (refused !== null) return refuse([refused], nummer);
    const structural: RuleError[] = [];
    if (
      e.DagInstitutionsNummer !== undefined &&
      e.DagInstitutionsNummer.trim() !== current.daginstitutionsNummer
    ) {
      structural.push({
        felt: `${E}/DagInstitutionsNummer`,
        kode: 'FORMAT_UGYLDIG',
        tekst: `En opdatering kan ikke flytte enheden til ${e.DagInstitutionsNummer.trim()}; brug MoveAnvisningsEnhed.`,
      });
    }
    structural.push(...crossValidate(parent, next.instType3));
    if (structural.length > 0) return refuse(structural, nummer);
    return { changes: [{ niveau: 'anvisningsenhed', nummer, record: (stamp) => ({ ...next, ...stamp }) }] };
  });
}

/**
 * DeleteAnvisningsEnhed: closes the unit once its alternative addresses are closed. Closing a
 * daginstitution's last active unit is allowed: children close before their parent.
 */
export function deleteAnvisningsEnhed(tools: WriteTools, structure: Structure, nummer: string): ImportSvar {
  const felt = 'EnhedsNummer';
  return runWrite(tools, { errors: [] }, () => {
    const found = structure.activeAnvisningsenhed(nummer, felt);
    if (found.error !== null) return refuse([found.error], nummer);
    const parent = structure.daginstitutionOfUnit(nummer);
    const refused = tools.refusal(nummer, [tools.scopeOf(parent)], felt);
    if (refused !== null) return refuse([refused], nummer);
    const active = structure.activeAlternativesOf(nummer);
    if (active.length > 0) {
      const numre = active.map((a) => a.alternativAdresseNummer).join(', ');
      return refuse(
        [
          {
            felt,
            kode: 'HAR_AKTIVE_BOERN',
            tekst: `Anvisningsenheden ${nummer} har aktive alternative adresser (${numre}); de skal nedlægges eller flyttes først.`,
          },
        ],
        nummer,
      );
    }
    const closed = (stamp: ChangeStamp) => tools.closed(found.record, stamp);
    return { changes: [{ niveau: 'anvisningsenhed', nummer, record: closed }] };
  });
}

/**
 * MoveAnvisningsEnhed: to another active daginstitution in the same administrating municipality,
 * with its alternative addresses (they follow their unit); the old one must keep an active unit.
 */
export function moveAnvisningsEnhed(
  tools: WriteTools,
  structure: Structure,
  nummer: string,
  targetNummer: string,
): ImportSvar {
  return runWrite(tools, { errors: [] }, () => {
    const found = structure.activeAnvisningsenhed(nummer, 'EnhedsNummer');
    if (found.error !== null) return refuse([found.error], nummer);
    const unit = found.record;
    const target = structure.parentDaginstitution(targetNummer, 'DagInstitutionsNummer');
    if (target.error !== null) return refuse([target.error], nummer);
    const source = structure.daginstitutionOfUnit(nummer);
    // The right to the unit is its source's; a move also needs the target's, and grants nothing.
    const refused = tools.refusal(
      nummer,
      [tools.scopeOf(source), tools.scopeOf(target.record)],
      'DagInstitutionsNummer',
    );
    if (refused !== null) return refuse([refused], nummer);
    const errors: RuleError[] = [];
    if (source.daginstitutionsNummer === target.record.daginstitutionsNummer) {
      errors.push({
        felt: 'DagInstitutionsNummer',
        kode: 'FORMAT_UGYLDIG',
        tekst: `Enheden ${nummer} ligger allerede under ${targetNummer}.`,
      });
    }
    if (source.admKommuneKode !== target.record.admKommuneKode) {
      errors.push({
        felt: 'DagInstitutionsNummer',
        kode: 'FLYTNING_TVAERS_AF_KOMMUNE',
        tekst: `Enheden kan kun flyttes inden for kommune ${source.admKommuneKode}; ${targetNummer} hører til kommune ${target.record.admKommuneKode}.`,
      });
    }
    if (structure.activeUnitsOf(source.daginstitutionsNummer).length <= 1) {
      errors.push({
        felt: 'EnhedsNummer',
        kode: 'MANGLER_ANVISNINGSENHED',
        tekst: `Enheden ${nummer} er den sidste aktive enhed i daginstitutionen ${source.daginstitutionsNummer}, som skal have mindst én.`,
      });
    }
    errors.push(...crossValidate(target.record, unit.instType3, 'DagInstitutionsNummer'));
    if (errors.length > 0) return refuse(errors, nummer);
    const moved = (stamp: ChangeStamp) => ({ ...unit, daginstitutionsNummer: targetNummer, ...stamp });
    return { changes: [{ niveau: 'anvisningsenhed', nummer, record: moved }] };
  });
}

const code = (value: string | undefined): number => parseCode(value ?? '') ?? 0;

function crossValidate(
  parent: { ejerformKode: number; lovgrundlagKode: number },
  instType3: number,
  felt = `${E}/InstType3`,
): RuleError[] {
  return checkCrossValidation(
    {
      ejerformKode: parent.ejerformKode,
      lovgrundlagKode: parent.lovgrundlagKode,
      instType3Koder: [instType3],
    },
    { ejerformKode: felt, instType3: felt },
  );
}
