// `npm run bench:insights-host [-- --corpus DIR]`: the insights dashboard's host benchmark alone (bench:host runs it too).
import { benchInsights } from './benchInsights';
import { currentPhase, exit, flag, overallTimeout, requireHost } from './host';

requireHost();
overallTimeout(Number(flag('timeout', '900')));
benchInsights().then(() => exit(0), (error: unknown) => exit(1, `bench failed while ${currentPhase()}: ${error instanceof Error ? error.stack : String(error)}`));
