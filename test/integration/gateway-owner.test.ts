import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ gateway: {} });

describe('the recorded owner of a daginstitution (ejerCvrNummer), so a client can tell who may change it', () => {
  it('is exported and served as ownerCvrNumber, and filters daginstitutioner', async () => {
    const one = await gateway.query<{ institution: { ownerCvrNumber: string | null } }>(
      '{ institution(number: "G30306") { ... on DaycareInstitution { ownerCvrNumber } } }',
    );
    expect(one.data?.institution.ownerCvrNumber).toBe('33178522');

    const owned = await gateway.query<{
      daycareInstitutions: {
        totalCount: number;
        edges: { node: { number: string; ownerCvrNumber: string } }[];
      };
    }>(
      '{ daycareInstitutions(first: 500, filter: { ownerCvrNumber: "33178522", status: [ACTIVE, CLOSED] }) { totalCount edges { node { number ownerCvrNumber } } } }',
    );
    expect(owned.errors).toBeUndefined();
    const numbers = owned.data?.daycareInstitutions.edges.map((e) => e.node.number) ?? [];
    expect(numbers).toContain('G30306');
    expect(owned.data?.daycareInstitutions.edges.every((e) => e.node.ownerCvrNumber === '33178522')).toBe(
      true,
    );

    // The register's own view: those the seed gave this owner (every unit of theirs carries its CVR).
    const units = await gateway.query<{
      assignmentUnits: {
        edges: { node: { daycareInstitution: { number: string; ownerCvrNumber: string | null } } }[];
      };
    }>(
      '{ assignmentUnits(first: 500, filter: { cvrNumber: "33178522", status: [ACTIVE, CLOSED] }) { edges { node { daycareInstitution { number ownerCvrNumber } } } } }',
    );
    const parents = new Set(
      units.data?.assignmentUnits.edges
        .filter((e) => e.node.daycareInstitution.ownerCvrNumber === '33178522')
        .map((e) => e.node.daycareInstitution.number),
    );
    expect(new Set(numbers)).toEqual(parents);
  });

  it('a municipal daginstitution records its municipality’s CVR; an unknown owner is null', async () => {
    const answer = await gateway.query<{ institution: { ownerCvrNumber: string | null } }>(
      '{ institution(number: "G29215") { ... on DaycareInstitution { ownerCvrNumber } } }',
    );
    expect(answer.data?.institution.ownerCvrNumber).toBe('64942212');
    const bryggehuset = await gateway.query<{
      institution: { daycareInstitution: { ownerCvrNumber: string | null } };
    }>(
      '{ institution(number: "D10041") { ... on AssignmentUnit { daycareInstitution { ownerCvrNumber } } } }',
    );
    expect(bryggehuset.data?.institution.daycareInstitution.ownerCvrNumber).toBeNull();
  });
});
