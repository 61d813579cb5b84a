import { launchNext } from './launch';
import { reportStartupFailure } from './support/report-startup-failure';

await launchNext('start').catch(reportStartupFailure);
