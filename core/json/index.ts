export { parseStrictJson, isWellFormedString, MAX_JSON_DEPTH, type StrictJsonResult, type StrictJsonOptions } from './strict-json.js';
export { parseJsonReference, locate, type ReferenceResult } from './reference-parser.js';
export { formatPath, type PathSegment } from './path.js';
