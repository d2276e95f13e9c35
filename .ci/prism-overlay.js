// Applies an OpenAPI Overlay 1.0 document to an OpenAPI document and prints the result as JSON:
//   node .ci/prism-overlay.js <spec.yaml> <overlay.yaml> > merged.json
// Only the targets the overlay uses are understood: $.paths['<path>'].<method>, whose object gets `update` merged in.
// js-yaml comes with Prism (installed by .ci/run into .ci/node).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require(path.join(__dirname, 'node', 'node_modules', 'js-yaml'));

const [specFile, overlayFile] = process.argv.slice(2);
const spec = yaml.load(fs.readFileSync(specFile, 'utf8'));
const overlay = yaml.load(fs.readFileSync(overlayFile, 'utf8'));
for (const action of overlay.actions) {
  const match = /^\$\.paths\['([^']+)'\]\.(get|put|post|patch|delete)$/.exec(action.target);
  const operation = match && spec.paths[match[1]] && spec.paths[match[1]][match[2]];
  if (!operation) {
    throw new Error(`Overlay target not found in the spec: ${action.target}`);
  }
  Object.assign(operation, action.update);
}
process.stdout.write(JSON.stringify(spec, null, 2));
