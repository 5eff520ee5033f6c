import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Location } from '../domain/records.ts';

/** One feature: a point (null when the register has no coordinates) and its register columns. */
export interface PointFeature {
  location: Location | null;
  properties: Record<string, string>;
}

function* geojsonChunks(features: Iterable<PointFeature>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const feature of features) {
    const geometry =
      feature.location === null
        ? null
        : { type: 'Point', coordinates: [feature.location.longitude, feature.location.latitude] };
    yield `${first ? '' : ','}\n${JSON.stringify({ type: 'Feature', geometry, properties: feature.properties })}`;
    first = false;
  }
  yield '\n]}\n';
}

/** Streams a GeoJSON FeatureCollection (RFC 7946: WGS84, longitude first), one feature a chunk. */
export async function streamGeojson(res: ServerResponse, features: Iterable<PointFeature>): Promise<void> {
  await pipeline(Readable.from(geojsonChunks(features)), res);
}
