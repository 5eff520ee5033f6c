import type { Institution, UniloginEligibility, UniloginIneligibilityReason } from './records.ts';

/**
 * The seed's rule (registry contract §8): Unilogin users may be created only at an anvisningsenhed
 * or an alternativ adresse (lokalitet) registered with CVR- and P-nummer, never at a daginstitution,
 * and not at a closed one (assumption A of the contract). Lists every reason that applies.
 */
export function uniloginEligibility(institution: Institution): UniloginEligibility {
  const reasons: UniloginIneligibilityReason[] = [];
  if (institution.kind === 'DaycareInstitution') {
    // A daginstitution carries no CVR/P-nummer of its own: those reasons do not apply to it.
    reasons.push('DAYCARE_INSTITUTION_LEVEL');
  } else {
    if (institution.cvrNumber === null) reasons.push('MISSING_CVR_NUMBER');
    if (institution.pNumber === null) reasons.push('MISSING_P_NUMBER');
  }
  if (institution.status === 'CLOSED') reasons.push('CLOSED');
  return { eligible: reasons.length === 0, reasons };
}
