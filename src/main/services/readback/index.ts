export { readBack } from './readbackRun';
