export { previewTargetList, writeTargetList } from './exportList';
