import { describe, expect, it } from 'vitest';
import { operationChildren } from './operation-records.ts';

describe('operationChildren', () => {
  it('cuts each child of the operation out with the namespaces it inherited', () => {
    const xml =
      '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="urn:i">' +
      '<s:Body><i:InsertDaginstitution><i:Daginstitution><i:daginstitutionsNavn>Æble</i:daginstitutionsNavn></i:Daginstitution>' +
      '<AnvisningsEnhed xmlns="urn:i"><EnhedsNavn>Ø</EnhedsNavn></AnvisningsEnhed><i:Empty/></i:InsertDaginstitution></s:Body></s:Envelope>';
    const children = operationChildren(xml);
    expect(children.map((c) => c.localName)).toEqual(['Daginstitution', 'AnvisningsEnhed', 'Empty']);
    expect(children[0]?.xml).toBe(
      '<i:Daginstitution xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="urn:i"><i:daginstitutionsNavn>Æble</i:daginstitutionsNavn></i:Daginstitution>',
    );
    expect(children[1]?.xml).toBe(
      '<AnvisningsEnhed xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="urn:i" xmlns="urn:i"><EnhedsNavn>Ø</EnhedsNavn></AnvisningsEnhed>',
    );
    expect(children[2]?.xml).toContain('<i:Empty xmlns:s=');
  });
});
