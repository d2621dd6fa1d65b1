import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { loggerOptions } from '../logging.ts';
import { installErrorHandler, sendFrameworkError } from './error-handler.ts';
import { AppError } from './errors.ts';
import { drainOnClose } from './shutdown.ts';
import { findUnstorable, MAX_REQUEST_DEPTH, nestsDeeperThan } from './unstorable.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const JSON_BODY_LIMIT = 64 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP shell every module plugs its routes into: conventions, security, docs. */
export async function createHttpServer(config: Config) {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: JSON_BODY_LIMIT,
    frameworkErrors: sendFrameworkError,
    // X-Forwarded-For is believed only from the proxies named in HAVEN_TRUSTED_PROXIES; from anyone
    // else it is a header a client wrote, and would let it pick its own rate-limit key.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    rejectCrossSiteWrites(config, request.method, request.headers.origin, request.headers.host);
  });
  // Before any route's own validation, so the refusal names the field whatever the route.
  app.addHook('preValidation', (request, _reply, done) => {
    if (nestsDeeperThan(request.body))
      return done(new AppError('malformed_request', `This request nests deeper than ${MAX_REQUEST_DEPTH} levels; no form sends that.`));
    for (const [part, value] of [
      ['', request.body],
      ['query.', request.query],
      ['params.', request.params],
    ] as const) {
      const field = findUnstorable(value);
      if (field !== null)
        return done(AppError.invalid(part + field, 'This text contains a NUL character (U+0000), which cannot be saved. Remove it.'));
    }
    done();
  });
  // API answers hold personal data: no browser, proxy or back-forward cache keeps a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  drainOnClose(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  const redis = config.redisUrl ? rateLimitRedis(config.redisUrl, app.log) : null;
  // onClose runs once the server has stopped taking requests and the in-flight ones are done, so
  // no count is asked of the connection after it quits.
  if (redis)
    app.addHook('onClose', () =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect(),
      ),
    );
  await app.register(rateLimit, {
    // Only the routes given a `config` from platform/limits/limits.ts are limited.
    global: false,
    nameSpace: 'haven:rate-limit:',
    // With Redis unreachable a request is let through rather than failed: the limits guard against
    // abuse, and a Redis blip must not stop people writing to their therapist.
    ...(redis ? { redis, skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many requests. Try again in ${context.after}.`,
        undefined,
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Haven API', version: '0.1.0', description: 'The HTTP API of Haven.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'haven_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  return app;
}

export type Http = Awaited<ReturnType<typeof createHttpServer>>;

/**
 * The shared store of rate-limit counts when REDIS_URL is set, so that every instance counts in one
 * place. While Redis is unreachable its errors are logged here, not left unhandled.
 */
function rateLimitRedis(url: string, log: FastifyBaseLogger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  redis.on('error', (error: Error) => log.warn({ err: error }, 'rate-limit store (Redis) error'));
  return redis;
}

/**
 * Refuses writes sent by another site's page. SameSite cookies already stop most of
 * these; checking Origin closes the gap for older browsers and same-site subdomains.
 */
function rejectCrossSiteWrites(config: Config, method: string, origin: string | undefined, host: string | undefined) {
  if (SAFE_METHODS.has(method) || origin === undefined) return;
  const allowed = new URL(config.publicUrl).origin;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('forbidden', 'This request came from another site and was refused.');
  }
  if (origin !== allowed && originHost !== host) {
    throw new AppError('forbidden', 'This request came from another site and was refused.');
  }
}
