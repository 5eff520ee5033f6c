import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaWithoutChangeFeed, wsdlWithoutChangeFeed } from './without-change-feed.ts';

const read = (file: string) => readFileSync(new URL(`../wsdl/${file}`, import.meta.url), 'utf8');
const operations = (wsdl: string) => [...wsdl.matchAll(/<wsdl:operation name="(\w+)"/g)].map((m) => m[1]);

describe('the ExportService description without the change feed', () => {
  it('takes out GetAendringer from the WSDL and nothing else', () => {
    const wsdl = read('ExportService.wsdl');
    const without = wsdlWithoutChangeFeed(wsdl);
    expect(without).not.toContain('GetAendringer');
    expect(operations(without)).toEqual(operations(wsdl).filter((o) => o !== 'GetAendringer'));
    expect(operations(without)).toContain('GetAlternativAdresserByNumre');
    expect(without).toContain('<wsdl:service name="ExportService">');
  });

  it('takes out its elements and types from the XSD, keeping the records', () => {
    const without = schemaWithoutChangeFeed(read('ExportService.xsd'));
    expect(without).not.toMatch(/GetAendringer|aendringsside|Aendringstype|name="aendring"/);
    expect(without).toContain('<xs:complexType name="anvisningenhedExtend">');
    expect(without).toContain('<xs:element name="GetAllAnvisningsEnhederResponse">');
  });

  it('refuses a text that holds no feed rather than pass it on unchanged', () => {
    expect(() => wsdlWithoutChangeFeed(wsdlWithoutChangeFeed(read('ExportService.wsdl')))).toThrow(
      /nothing of GetAendringer/,
    );
  });
});
