/** node-soap answered in a shape the service does not know how to put into the request's version: a bug of ours. */
export class UnexpectedAnswerError extends Error {
  constructor(what: string) {
    super(`node-soap answered with ${what}`);
    this.name = 'UnexpectedAnswerError';
  }
}
