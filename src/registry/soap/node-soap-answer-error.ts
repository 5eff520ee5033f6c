/** node-soap answered in a shape the service cannot put into the request's SOAP version: a bug of ours. */
export class NodeSoapAnswerError extends Error {
  constructor(what: string) {
    super(`node-soap answered with ${what}`);
    this.name = 'NodeSoapAnswerError';
  }
}
