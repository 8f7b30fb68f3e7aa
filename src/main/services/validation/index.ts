export { validate } from './validateRun';
export { validationDates, type ValidationDates } from './dates';
