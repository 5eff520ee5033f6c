import { readFileSync } from 'node:fs';
import sax from 'sax';
import { requestSchema } from '../soap/operation-schema.ts';
import { parseOperation, type ParsedOperation, type XmlDocument } from '../soap/parsed-operation.ts';

/** The ImportService namespace: a record validates only as an element of it. */
const NAMESPACE = 'urn:dagtilbudsregister:import:v1';

/** The schema's file name, as in `src/registry/wsdl/`, so that libxml2's messages name the real file. */
const SCHEMA_FILE = 'ImportService.xsd';

/** The name libxml2 gives the validated document in its messages; never a real file. */
const DOCUMENT_FILE = 'dokument.xml';

/** The import records that may be the root of a validated document (contract §4). */
const RECORD_ROOTS: readonly string[] = ['Daginstitution', 'AnvisningsEnhed', 'AlternativAdresse'];

/** The `felt` of an error about the document as a whole: the ValidateXmlAgainstSchema parameter. */
const WHOLE_DOCUMENT = 'xml';

/** One schema error, shaped as an `ImportSvarXML` error so that it can be answered as it is. */
export interface SchemaError {
  /** The element's path in the document (`AnvisningsEnhed/Adresse/postNummer`), or `xml` for the whole document. */
  felt: string;
  kode: 'SKEMA_FEJL';
  /** A Danish message with the line and libxml2's own message. */
  tekst: string;
}

/** Validates import records against the ImportService schema. */
export interface ImportSchemaValidator {
  /** The schema errors of one XML document whose root is an import record; empty when it is valid. */
  validateRecordXml(xml: string): Promise<SchemaError[]>;
  /**
   * The schema errors of a whole operation element (`<UpdateAnvisningsEnhed>…`) as parsed, `felt` relative to
   * it (`AnvisningsEnhed/Email`). `structural` says whether any error is about the shape (an element
   * missing, repeated, unknown, out of order or in the wrong namespace, markup inside a value, an
   * attribute) rather than a value: on a wrong shape the register's rules must not run at all.
   */
  validateOperation(parsed: ParsedOperation): { errors: SchemaError[]; structural: boolean };
}

let schemaText: string | undefined;

/** The text of ImportService.xsd, the schema that import data must satisfy (what GetXMLSchema returns). */
export function importSchemaText(): string {
  schemaText ??= readFileSync(new URL(`../wsdl/${SCHEMA_FILE}`, import.meta.url), 'utf8');
  return schemaText;
}

/**
 * Creates a validator of import records against ImportService.xsd with libxml2 (libxmljs), in
 * process; libxmljs compiles the schema on each validation, so it gets the schema without the
 * answers' types (requestSchema).
 */
export function createImportSchemaValidator(): ImportSchemaValidator {
  const schema = requestSchema(importSchemaText(), SCHEMA_FILE);

  return {
    async validateRecordXml(xml) {
      // A DOCTYPE is where entity expansion and external entities live; a record never needs one,
      // so it is refused before libxml2 sees it (a mention in a comment is refused too: harmless).
      if (/<!DOCTYPE/i.test(xml)) {
        return [
          schemaError(
            WHOLE_DOCUMENT,
            'XML med DOCTYPE (DTD, entitetserklæringer) accepteres ikke; fjern den.',
          ),
        ];
      }
      const result = runLibxml2(parseOperation(asUtf8(xml)), schema);
      if (result.valid) return validRoot(xml);
      const parseError = result.errors.find((error) => error.message.includes('parser error'));
      if (parseError !== undefined) return [malformed(parseError)];

      // Only validity errors name an element; libxml2's other lines (warnings, summaries) do not.
      const errors = result.errors.filter((error) => error.message.includes('Schemas validity error'));
      const document = readDocument(xml);
      const rootMessage = errors.find((error) => error.message.includes('validation root'));
      const rootError = checkRoot(document.root, rootMessage);
      if (rootError !== null) return [rootError];
      if (errors.length === 0) {
        const first = result.rawOutput.split('\n')[0] ?? '';
        return [
          schemaError(WHOLE_DOCUMENT, `Dokumentet overholder ikke ImportService-skemaet; libxml2: ${first}`),
        ];
      }
      return errors.map((error) => toSchemaError(error, document));
    },
    validateOperation(parsed) {
      const { xml } = parsed;
      const result = runLibxml2(parsed, schema);
      if (result.valid) return { errors: [], structural: false };
      const parseError = result.errors.find((error) => error.message.includes('parser error'));
      if (parseError !== undefined) return { errors: [malformed(parseError)], structural: true };
      const errors = result.errors.filter((error) => error.message.includes('Schemas validity error'));
      if (errors.length === 0) {
        const first = result.rawOutput.split('\n')[0] ?? '';
        const whole = `Dokumentet overholder ikke ImportService-skemaet; libxml2: ${first}`;
        return { errors: [schemaError(WHOLE_DOCUMENT, whole)], structural: true };
      }
      const document = readDocument(xml);
      const operation = document.root?.local ?? '';
      return {
        errors: errors.map((error) => {
          const mapped = toSchemaError(error, document);
          const felt = mapped.felt.startsWith(`${operation}/`)
            ? mapped.felt.slice(operation.length + 1)
            : mapped.felt;
          return { ...mapped, felt };
        }),
        structural: errors.some((error) => !isValueError(error.message)),
      };
    },
  };
}

/** An error about an element's value (width, pattern, type), as opposed to the document's shape. */
function isValueError(message: string): boolean {
  return /\[facet '|is not a valid value of the (local )?atomic type/.test(message);
}

/**
 * The document as libxml2 receives it: the text is already decoded and is handed over as UTF-8, so a
 * declared `encoding="ISO-8859-1"` would make libxml2 misread every æ, ø and å (and count them twice).
 */
function asUtf8(xml: string): string {
  return xml.replace(/^(<\?xml[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/** One libxml2 message, in the shape the mapping below reads (libxml2's wording and prefixes). */
interface XMLValidationError {
  message: string;
  loc: { lineNumber: number } | null;
}

/** The part of the validation result that the validator reads. */
interface Libxml2Result {
  valid: boolean;
  errors: readonly XMLValidationError[];
  rawOutput: string;
}

/** Validates a parsed document with libxml2; a document it could not parse is one parser error. */
function runLibxml2({ document, parseFailure }: ParsedOperation, schema: XmlDocument): Libxml2Result {
  // libxml2's defaults: no entity substitution, no network; a DOCTYPE never gets this far.
  if (document === null) {
    const text = parseFailure?.message ?? '';
    const line = parseFailure?.line ?? null;
    const parseError = {
      message: `parser error : ${text}`,
      loc: line === null ? null : { lineNumber: line },
    };
    return { valid: false, errors: [parseError], rawOutput: text };
  }
  const valid = document.validate(schema) === true;
  const errors = document.validationErrors.map((e) => ({
    message: `${DOCUMENT_FILE}:${e.line ?? 0}: Schemas validity error : ${e.message.trim()}`,
    loc: typeof e.line === 'number' ? { lineNumber: e.line } : null,
  }));
  return { valid, errors, rawOutput: errors.map((e) => e.message).join('\n') };
}

/** What the validator needs to know of a well-formed document: its root and where its elements are. */
interface DocumentIndex {
  root: { local: string; uri: string } | null;
  /** Element paths by `line:localName`, the line as libxml2 counts it (the line the start tag ends on). */
  paths: Map<string, string[]>;
}

/** Indexes a document that libxml2 has already found well-formed; sax is strict and fast enough. */
function readDocument(xml: string): DocumentIndex {
  const parser = sax.parser(true, { xmlns: true });
  const index: DocumentIndex = { root: null, paths: new Map() };
  const stack: string[] = [];
  parser.onopentag = (tag) => {
    const local = 'local' in tag ? tag.local : tag.name;
    if (index.root === null) index.root = { local, uri: 'uri' in tag ? tag.uri : '' };
    stack.push(local);
    const key = `${parser.line + 1}:${local}`;
    const found = index.paths.get(key) ?? [];
    found.push(stack.join('/'));
    index.paths.set(key, found);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.onerror = () => {
    // libxml2 is the authority on well-formedness; sax only gives paths, and stops here.
  };
  try {
    parser.write(xml).close();
  } catch {
    // As above: a partial index only makes `felt` fall back to the bare element name.
  }
  return index;
}

/** A valid document may still have a root the XSD declares but that is no record (an operation's element). */
function validRoot(xml: string): SchemaError[] {
  const rootError = checkRoot(readDocument(xml).root, undefined);
  return rootError === null ? [] : [rootError];
}

/** A document must be one import record in the ImportService namespace, not any element the XSD declares. */
function checkRoot(root: DocumentIndex['root'], first: XMLValidationError | undefined): SchemaError | null {
  if (root !== null && root.uri === NAMESPACE && RECORD_ROOTS.includes(root.local)) return null;
  const got =
    root === null
      ? 'intet rodelement'
      : `${root.local} ${root.uri === '' ? 'uden navnerum' : `i navnerummet ${root.uri}`}`;
  const detail =
    first === undefined ? '' : ` (linje ${first.loc?.lineNumber ?? 1}); libxml2: ${coreMessage(first)}`;
  return schemaError(
    root?.local ?? WHOLE_DOCUMENT,
    `Dokumentets rodelement skal være Daginstitution, AnvisningsEnhed eller AlternativAdresse i navnerummet ${NAMESPACE}; fik ${got}${detail}`,
  );
}

/** A document that is not well-formed XML is one error: what follows the first parse error is noise. */
function malformed(error: XMLValidationError): SchemaError {
  const line = error.loc?.lineNumber;
  return schemaError(
    WHOLE_DOCUMENT,
    `Dokumentet er ikke velformet XML${line === undefined ? '' : ` (linje ${line})`}; libxml2: ${coreMessage(error)}`,
  );
}

/** Maps one libxml2 error to the element it names, with a Danish explanation of the common cases. */
function toSchemaError(error: XMLValidationError, document: DocumentIndex): SchemaError {
  const core = coreMessage(error);
  const line = error.loc?.lineNumber;
  const element = /Element '(?:\{[^}]*\})?([^']+)'/.exec(error.message)?.[1];
  const felt = element === undefined ? WHOLE_DOCUMENT : pathOf(element, line, document);
  const where = line === undefined ? '' : ` (linje ${line})`;
  return schemaError(felt, `${explain(element ?? 'Dokumentet', core)}${where}; libxml2: ${core}`);
}

/** The element's path when its name and line identify one; otherwise its bare name. */
function pathOf(element: string, line: number | undefined, document: DocumentIndex): string {
  const candidates = document.paths.get(`${line}:${element}`) ?? [];
  const [first] = candidates;
  return first !== undefined && candidates.every((path) => path === first) ? first : element;
}

/** A Danish sentence for the schema errors import data typically has; the rest get a general one. */
function explain(name: string, core: string): string {
  const maxLength = /\[facet 'maxLength'\].*length of '(\d+)'.*maximum length of '(\d+)'/.exec(core);
  if (maxLength !== null) return `${name} må højst være ${maxLength[2]} tegn; fik ${maxLength[1]} tegn`;
  const length = /\[facet 'length'\].*length of '(\d+)'.*allowed length of '(\d+)'/.exec(core);
  if (length !== null) return `${name} skal være præcis ${length[2]} tegn; fik ${length[1]} tegn`;
  if (/\[facet 'pattern'\]/.test(core)) return `${name} har ikke det krævede format`;
  if (/\[facet 'enumeration'\]/.test(core)) return `${name} har ikke en af de tilladte værdier`;
  if (/atomic type '(Kode|xs:int)'/.test(core)) return `${name} skal være et heltal`;
  if (/is not a valid value of the atomic type/.test(core)) return `${name} har en ugyldig værdi for typen`;
  if (/This element is not expected/.test(core)) {
    return `${name} er ikke tilladt her (ukendt element, forkert navnerum eller forkert rækkefølge)`;
  }
  if (/attribute '[^']*'.*is not allowed/.test(core)) return `${name} har en attribut, som ikke er tilladt`;
  return `${name} overholder ikke ImportService-skemaet`;
}

/** libxml2's message without the file and severity prefix, and without this service's own namespace. */
function coreMessage(error: XMLValidationError): string {
  return error.message
    .replace(/^.*?(Schemas validity error|parser error)\s*:\s*/, '')
    .replaceAll(`{${NAMESPACE}}`, '')
    .trim();
}

function schemaError(felt: string, tekst: string): SchemaError {
  return { felt, kode: 'SKEMA_FEJL', tekst };
}
