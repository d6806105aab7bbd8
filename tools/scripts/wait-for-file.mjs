// Waits until a file exists (used by `npm run dev` to start the API after its first build).
import { existsSync } from 'node:fs';

const file = process.argv[2];
while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 300));
