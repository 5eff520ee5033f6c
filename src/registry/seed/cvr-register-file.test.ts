import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CVR_PRODUKTIONSENHED_COLUMNS, REGISTER_FILES } from './columns.ts';
import { formatCsv } from './csv.ts';
import { loadProduktionsenheder } from './cvr-register-file.ts';
import { loadRegisterData } from './load-register.ts';

describe('loadProduktionsenheder', () => {
  const units = loadProduktionsenheder();
  const register = loadRegisterData();

  it('knows every P-number the register uses, as active, under the same CVR', () => {
    const used = [...register.anvisningsenheder, ...register.alternativAdresser].filter(
      (r) => r.pNummer !== null,
    );
    expect(used.length).toBeGreaterThan(4000);
    for (const record of used) {
      expect(units.get(record.pNummer ?? ''), record.pNummer ?? '').toEqual({
        cvrNummer: record.cvrNummer,
        aktiv: true,
      });
    }
  });

  it('has three spare active P-numbers and one ceased one for every CVR', () => {
    const used = new Set(
      [...register.anvisningsenheder, ...register.alternativAdresser].map((r) => r.pNummer),
    );
    const perCvr = new Map<string, { spare: number; ophoert: number }>();
    for (const [p, unit] of units) {
      const counts = perCvr.get(unit.cvrNummer) ?? { spare: 0, ophoert: 0 };
      if (!unit.aktiv) counts.ophoert++;
      else if (!used.has(p)) counts.spare++;
      perCvr.set(unit.cvrNummer, counts);
    }
    expect(perCvr.get('33178522')).toEqual({ spare: 3, ophoert: 1 });
    expect([...perCvr.values()].every((c) => c.spare === 3 && c.ophoert === 1)).toBe(true);
  });

  it('names file, line and column of a bad row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvr-'));
    try {
      const rows = [
        ['1234567890', '33178522', 'aktiv'],
        ['1234567891', '33178522', 'ophørt'],
      ];
      writeFileSync(
        join(dir, REGISTER_FILES.cvrProduktionsenheder),
        formatCsv(CVR_PRODUKTIONSENHED_COLUMNS, rows),
      );
      expect(() => loadProduktionsenheder(dir)).toThrow(
        'cvr-produktionsenheder.csv line 3, column status: expected aktiv or ophoert, got "ophørt"',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
