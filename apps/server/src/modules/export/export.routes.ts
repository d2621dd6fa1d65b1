import { ApiError } from '@haven/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { routeLimits } from '../../platform/limits/limits.ts';
import { requireCaller } from '../identity/identity.policy.ts';
import { exportRecord, type ExportFormat } from './export.service.ts';

const errors = { 401: ApiError, 403: ApiError, 429: ApiError };

/** A client's own record, downloaded as FHIR or as a readable page. */
export function registerExport(app: Http, context: AppContext): void {
  const tags = ['account'];
  const limits = routeLimits(context.config);
  const download = (format: ExportFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
    const file = await exportRecord(requireCaller(context, request, 'client'), format);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  };

  app.get(
    '/api/account/export.fhir.json',
    {
      config: limits.recordExports,
      schema: { tags, summary: 'Your record as a FHIR R4 Bundle (psychotherapy notes are never part of it)', response: errors },
    },
    download('fhir'),
  );
  app.get(
    '/api/account/export.html',
    {
      config: limits.recordExports,
      schema: { tags, summary: 'Your record as one readable HTML page (psychotherapy notes are never part of it)', response: errors },
    },
    download('html'),
  );
}
