export { calibrate, withinTolerance, type CalibrationRow } from './calibrate';
export { FACTS, FULL_SCALE_CUSTOMERS, type FactSpec, type FactUnit, type Tolerance } from './facts';
