// Converts Natural Earth 1:110m country shapes (npm world-atlas, countries-110m.json) ONCE into the map's outline,
// src/DiplomacyTracker.Web/wwwroot/map/world.svg: land as one path, borders between countries as another.
// Run `npm install && node build-outline.mjs` here after changing the projection; commit the SVG, not node_modules.
//
// Projection: equirectangular (plate carrée), SCALE px per degree, longitude -180..180, latitude NORTH..SOUTH
// (Antarctica and the far Arctic cropped). The app projects cities with the same numbers: keep them equal to
// src/DiplomacyTracker.Web/Features/Map/MapProjection.cs (its tests check the SVG's viewBox).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoEquirectangular, geoPath } from "d3-geo";
import { feature, merge, mesh } from "topojson-client";

const SCALE = 3;
const NORTH = 84;
const SOUTH = -58;
const WIDTH = 360 * SCALE;
const HEIGHT = (NORTH - SOUTH) * SCALE;

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, "../../src/DiplomacyTracker.Web/wwwroot/map/world.svg");
const topology = JSON.parse(await readFile(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));
const countries = topology.objects.countries;

// d3's scale is pixels per radian; y grows downwards from latitude NORTH.
const projection = geoEquirectangular()
  .scale((SCALE * 180) / Math.PI)
  .translate([180 * SCALE, NORTH * SCALE])
  .clipExtent([[0, 0], [WIDTH, HEIGHT]]);
const path = geoPath(projection).digits(1);

const land = path(merge(topology, countries.geometries));
const borders = path(mesh(topology, countries, (a, b) => a !== b));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">
<!-- Natural Earth 1:110m countries (public domain) via world-atlas (ISC); see README.md beside this file. -->
<rect width="${WIDTH}" height="${HEIGHT}" fill="#dce9f2"/>
<path fill="#f4f1e8" stroke="#8d9aa5" stroke-width="0.6" stroke-linejoin="round" d="${land}"/>
<path fill="none" stroke="#b3bcc4" stroke-width="0.5" stroke-linejoin="round" d="${borders}"/>
</svg>
`;

await mkdir(dirname(output), { recursive: true });
await writeFile(output, svg);
console.log(`${output}: ${WIDTH}×${HEIGHT}, ${(svg.length / 1024).toFixed(1)} KiB`);
