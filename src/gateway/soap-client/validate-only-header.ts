/** The register's dry-run header (`KunValidering`, an extension of this project's ImportService). */
const VALIDATE_ONLY = '<KunValidering xmlns="urn:dagtilbudsregister:import:v1">true</KunValidering>';

const PREFIX = '[A-Za-z_][\\w.-]*';

/**
 * Adds the dry-run header to one envelope node-soap built. node-soap keeps SOAP headers on the
 * shared client, so a header for one call only is put in here, into the envelope's Header when it
 * has one, else into a new one before its Body.
 */
export function withValidateOnlyHeader(xml: string): string {
  const header = new RegExp(`<${PREFIX}:Header(\\s[^>]*)?>`);
  if (header.test(xml)) return xml.replace(header, (open) => `${open}${VALIDATE_ONLY}`);
  return xml.replace(
    new RegExp(`<(${PREFIX}):Body([\\s>])`),
    (body: string, prefix: string) => `<${prefix}:Header>${VALIDATE_ONLY}</${prefix}:Header>${body}`,
  );
}
