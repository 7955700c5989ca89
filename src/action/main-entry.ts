import { restartUnderAllocatorSettings } from '../compact/allocator.js';
import { keepOldGenerationClose, keepYoungGenerationSmall } from '../compact/heap.js';

// First, before the action is loaded: the process may start again (compact/allocator.ts).
restartUnderAllocatorSettings();
keepYoungGenerationSmall();
keepOldGenerationClose();
const { run } = await import('./main.js');
await run();
