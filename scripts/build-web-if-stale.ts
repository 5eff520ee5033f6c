import { buildWebIfStale } from './web-build.ts';

// `npm start` runs this first, so that `npm install && npm start` needs no other step.
await buildWebIfStale((line) => console.log(line));
