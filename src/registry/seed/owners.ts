import type { DagtilbudsRegister, EjetDaginstitution } from '../domain/model.ts';

/**
 * The seed's daginstitutioner with their owners. The data has no owner column: its parents are
 * grouped one per (municipality, CVR, ownership, legal basis) (data/register/README.md), so the
 * owner is the one CVR its units carry. A parent whose units carry no CVR (376 of them, grouping
 * the real units whose CVR is unknown) has no owner: no private owner may change it then. Units that disagree break the
 * grouping rule, and the seed refuses them rather than pick one.
 */
export function withOwners(register: DagtilbudsRegister): EjetDaginstitution[] {
  const cvrs = new Map<string, Set<string>>();
  for (const unit of register.anvisningsenheder) {
    if (unit.cvrNummer === null) continue;
    const seen = cvrs.get(unit.daginstitutionsNummer) ?? new Set<string>();
    seen.add(unit.cvrNummer);
    cvrs.set(unit.daginstitutionsNummer, seen);
  }
  return register.daginstitutioner.map((d) => {
    const owners = [...(cvrs.get(d.daginstitutionsNummer) ?? [])];
    if (owners.length > 1) {
      throw new OwnerConflictError(
        `Daginstitution ${d.daginstitutionsNummer}: its units carry CVR numbers ${owners.join(', ')}; the seed needs one owner per daginstitution`,
      );
    }
    return { ...d, ejerCvrNummer: owners[0] ?? null };
  });
}

/** A daginstitution whose units carry different CVR numbers: the seed cannot tell its owner. */
export class OwnerConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OwnerConflictError';
  }
}
