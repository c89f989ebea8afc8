import { actionIO } from './io.js';
import { runAction } from './runner.js';

process.exitCode = await runAction(actionIO());
