import { launchNext } from './launch';

await launchNext('start');
