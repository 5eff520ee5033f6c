import type { AdresseInput } from '../domain/import-input.ts';
import { validateAdresseFields } from './adresse-fields.ts';
import { checkEmail } from './email.ts';
import type { ExternalChecks } from './external-checks.ts';
import { checkActivePNummer } from './p-nummer.ts';
import type { RuleError } from './rule-error.ts';
import { checkTelefonNummer } from './telefon-nummer.ts';
import { presenceFor, type WriteMode } from './write-mode.ts';

/** The fields an anvisningsenhed and an alternativ adresse share (model.ts `Enhedsfelter`), raw as sent. */
export interface EnhedsfelterInput {
  Adresse?: AdresseInput;
  Email?: string;
  TelefonNummer?: string;
  PNummer?: string;
}

/** The address is mandatory on Insert; on Update a given address replaces the stored one and is checked whole. */
function adresseErrors(
  adresse: AdresseInput | undefined,
  mode: WriteMode,
  ctx: ExternalChecks,
  felt: string,
): RuleError[] {
  if (adresse !== undefined) return validateAdresseFields(adresse, ctx, felt);
  if (mode === 'update') return [];
  return [{ felt, kode: 'FELT_MANGLER', tekst: 'Adresse mangler; feltet er obligatorisk.' }];
}

/** Validates the shared unit fields: the address and the P-number are mandatory on Insert, contact fields optional. */
export function validateEnhedsfelter(
  input: EnhedsfelterInput,
  mode: WriteMode,
  ctx: ExternalChecks,
  path: string,
): RuleError[] {
  const felt = (name: keyof EnhedsfelterInput): string => `${path}/${name}`;
  return [
    ...adresseErrors(input.Adresse, mode, ctx, felt('Adresse')),
    ...checkEmail(input.Email, felt('Email')),
    ...checkTelefonNummer(input.TelefonNummer, felt('TelefonNummer')),
    ...checkActivePNummer(
      input.PNummer,
      felt('PNummer'),
      ctx.isActivePNummer,
      presenceFor(mode, input.PNummer),
    ),
  ];
}
