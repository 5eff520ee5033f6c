import libxmljs from 'libxmljs';

/**
 * A register "without the feed" (`REGISTRY_CHANGE_FEED=off`), like STIL's real one: the served
 * ExportService WSDL and XSD with GetAendringer and its types taken out, so that a client reading
 * the WSDL (the gateway chooses its mode from it) sees no feed. The texts are edited as XML trees
 * (libxml2), never as strings, so the rest stays exactly as written.
 */

const OPERATION = 'GetAendringer';
/** The XSD's named types only the feed uses. */
const FEED_TYPES = ['Aendringstype', 'Niveau', 'aendring', 'aendringer', 'aendringsside'];

const NS = { wsdl: 'http://schemas.xmlsoap.org/wsdl/', xs: 'http://www.w3.org/2001/XMLSchema' };

/** The ExportService WSDL without GetAendringer: its messages, its portType and binding operations. */
export function wsdlWithoutChangeFeed(wsdlXml: string): string {
  return withoutNodes(wsdlXml, [
    `/wsdl:definitions/wsdl:message[@name='${OPERATION}SoapIn' or @name='${OPERATION}SoapOut']`,
    `/wsdl:definitions/wsdl:portType/wsdl:operation[@name='${OPERATION}']`,
    `/wsdl:definitions/wsdl:binding/wsdl:operation[@name='${OPERATION}']`,
  ]);
}

/** The ExportService XSD without GetAendringer's elements and the types only the feed uses. */
export function schemaWithoutChangeFeed(xsdXml: string): string {
  const names = [OPERATION, `${OPERATION}Response`].map((n) => `@name='${n}'`).join(' or ');
  const types = FEED_TYPES.map((n) => `@name='${n}'`).join(' or ');
  return withoutNodes(xsdXml, [
    `/xs:schema/xs:element[${names}]`,
    `/xs:schema/xs:complexType[${types}]`,
    `/xs:schema/xs:simpleType[${types}]`,
    `/xs:schema/comment()[contains(., '${OPERATION}')]`,
  ]);
}

function withoutNodes(xml: string, xpaths: readonly string[]): string {
  const document = libxmljs.parseXml(xml);
  let removed = 0;
  for (const xpath of xpaths) {
    for (const node of document.find(xpath, NS)) {
      node.remove();
      removed += 1;
    }
  }
  // A WSDL or XSD that no longer holds the feed would mean this edit silently does nothing.
  if (removed === 0) throw new WsdlEditError(`Found nothing of ${OPERATION} to remove`);
  return document.toString();
}

/** The served WSDL or XSD does not have the shape the edit expects (the contract files changed). */
export class WsdlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WsdlEditError';
  }
}
