/** The register answered, but not in the shape its WSDL promises; translated to UPSTREAM_FAULT. */
export class UnexpectedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedAnswerError';
  }
}
