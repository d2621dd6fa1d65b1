import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors.ts';
import { sendError } from './error-handler.ts';
import type { Http } from './server.ts';

/**
 * Serves the built web app from the same origin as the API. Unknown non-API pages get
 * `index.html` so the client-side router can show them.
 */
export async function serveWebApp(app: Http, webDist: string): Promise<void> {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      setHeaders: (reply, filePath) => {
        // Vite fingerprints everything under assets/, so those never change.
        const fingerprinted = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api/') || path === '/api') {
      return sendError(reply, request, new AppError('not_found', `There is no ${request.method} ${path} in the API.`));
    }
    if (!built) {
      return reply.status(503).type('text/plain').send('The web app is not built. Run `npm run build`, or use `npm run dev`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
