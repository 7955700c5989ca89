import { keepYoungGenerationSmall } from '../compact/heap.js';
import { run } from './main.js';

keepYoungGenerationSmall();
await run();
