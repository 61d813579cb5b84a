import { launchNext } from './launch';

await launchNext('dev');
