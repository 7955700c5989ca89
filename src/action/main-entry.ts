import { keepOldGenerationClose, keepYoungGenerationSmall } from '../compact/heap.js';
import { run } from './main.js';

keepYoungGenerationSmall();
keepOldGenerationClose();
await run();
