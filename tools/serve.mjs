// `make serve`: serves the release build in dist/ on http://127.0.0.1:8080/ (PORT to change it),
// exactly the files a webmaster copies, with the test pages under /pages/ beside them.
import { startServer } from "./server.mjs";

const server = await startServer({ port: Number(process.env.PORT ?? 8080) });
console.log(`serving dist/ on ${server.url}/ (Ctrl-C to stop)`);
