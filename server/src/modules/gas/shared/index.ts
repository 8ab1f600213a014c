/**
 * What the four gas modules (cylinders, delivery, pipelines, leaks) share, and nothing else: the gas
 * companies' data scope, the column helpers of their schema files and the plane geometry of the network.
 * No tables, no routes, no state.
 */
export { gasEnterpriseOf, gasScope } from "./gas.scope.js";
export { timestamps, tz } from "./columns.schema.js";
export { bboxOf, coveredLengthM, expandBBox, haversineM, lineLengthM, M_PER_DEG_LAT, pointToPolylineM, TrackIndex, type BBox, type LngLat, type TrackPoint } from "./geo.calc.js";
