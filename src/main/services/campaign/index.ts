export { simulateCampaign, CONTACTS_FILE, SIMULATION_MANIFEST } from './simulate';
