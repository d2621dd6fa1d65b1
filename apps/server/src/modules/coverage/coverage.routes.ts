import {
  ApiError,
  ChangeCoverageRequest,
  ClientLedger,
  ClientList,
  ClientListQuery,
  CoverageOptions,
  CoverageState,
  DirectPlan,
  DirectPlanChange,
  EapCodeInput,
  EapPartner,
  EapPartnerInput,
  HealthPlanInput,
  Partners,
  PlanCatalogue,
  PlanOfferUpdate,
} from '@haven/contract';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { audited, ownRecord, requireCaller, requireRole, requireUser } from '../identity/identity.policy.ts';
import { clientIdOf } from '../care/care.service.ts';
import { coverageState } from './coverage-state.service.ts';
import * as coverage from './coverage.service.ts';
import * as partners from './partners.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const IdParams = z.strictObject({ id: z.uuid({ error: 'That id is not valid.' }) });

/** A client's plan and coverage; the console's partners, plans and client ledgers. */
export function registerCoverage(app: Http, context: AppContext): void {
  const { db, eligibility } = context;
  const tags = ['coverage'];

  app.get(
    '/api/coverage/options',
    { schema: { tags, summary: 'Plans and health plans to choose from', response: { 200: CoverageOptions, ...errors } } },
    (request) => {
      requireUser(request);
      return coverage.coverageOptions(db);
    },
  );

  app.get(
    '/api/coverage',
    { schema: { tags, summary: 'Your coverage, what is left, history and invoices', response: { 200: CoverageState, ...errors } } },
    async (request) => {
      const user = requireRole(request, 'client');
      return audited(db, request, 'coverage.read', await coverageState(db, eligibility, await clientIdOf(db, user.id)), ownRecord(request));
    },
  );

  app.post(
    '/api/coverage',
    { schema: { tags, summary: 'Change how you pay', body: ChangeCoverageRequest, response: { 200: CoverageState, ...errors } } },
    async (request) => {
      const caller = requireCaller(context, request, 'client');
      const clientId = await clientIdOf(db, caller.user.id, { submitted: true });
      await coverage.changeCoverage(caller, clientId, request.body.coverage);
      return coverageState(db, eligibility, clientId, caller.now);
    },
  );

  app.post(
    '/api/coverage/plan',
    {
      schema: {
        tags,
        summary: 'Change, pause or resume a monthly plan',
        body: DirectPlanChange,
        response: { 200: CoverageState, ...errors },
      },
    },
    async (request) => {
      const caller = requireCaller(context, request, 'client');
      const clientId = await clientIdOf(db, caller.user.id, { submitted: true });
      await coverage.changeDirectPlan(caller, clientId, request.body.to);
      return coverageState(db, eligibility, clientId, caller.now);
    },
  );

  const opsTags = ['operations'];
  const admin = (request: Parameters<typeof requireRole>[0]) => requireCaller(context, request, 'admin');

  app.get(
    '/api/admin/partners',
    { schema: { tags: opsTags, summary: 'EAP organisations and health plans', response: { 200: Partners, ...errors } } },
    (request) => {
      requireRole(request, 'admin');
      return partners.listPartners(db);
    },
  );

  app.post(
    '/api/admin/partners/eap',
    { schema: { tags: opsTags, summary: 'Add an EAP organisation', body: EapPartnerInput, response: { 201: EapPartner, ...errors } } },
    async (request, reply) => reply.status(201).send(await partners.createEapPartner(admin(request), request.body)),
  );

  app.post(
    '/api/admin/partners/eap/:id/codes',
    {
      schema: {
        tags: opsTags,
        summary: 'Add a code to an EAP organisation',
        params: IdParams,
        body: EapCodeInput,
        response: { 201: EapPartner, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await partners.addEapCode(admin(request), request.params.id, request.body.code)),
  );

  app.post(
    '/api/admin/partners/eap/:id/codes/:code/deactivate',
    {
      schema: {
        tags: opsTags,
        summary: 'Stop a code being used',
        params: z.strictObject({ id: z.uuid(), code: z.string().min(1).max(32) }),
        response: { 200: EapPartner, ...errors },
      },
    },
    (request) => partners.deactivateEapCode(admin(request), request.params.id, request.params.code.toUpperCase()),
  );

  app.post(
    '/api/admin/partners/health-plans',
    { schema: { tags: opsTags, summary: 'Add a health plan', body: HealthPlanInput, response: { 201: Partners, ...errors } } },
    async (request, reply) => reply.status(201).send(await partners.createHealthPlan(admin(request), request.body)),
  );

  app.get(
    '/api/admin/plans',
    { schema: { tags: opsTags, summary: 'Direct plans on offer', response: { 200: PlanCatalogue, ...errors } } },
    (request) => {
      requireRole(request, 'admin');
      return partners.planCatalogue(db);
    },
  );

  app.put(
    '/api/admin/plans/:plan',
    {
      schema: {
        tags: opsTags,
        summary: "Change a plan's price or live sessions (from the next period)",
        params: z.strictObject({ plan: DirectPlan }),
        body: PlanOfferUpdate,
        response: { 200: PlanCatalogue, ...errors },
      },
    },
    (request) => partners.updatePlan(admin(request), request.params.plan, request.body),
  );

  app.get(
    '/api/admin/clients',
    { schema: { tags: opsTags, summary: 'Find a client', querystring: ClientListQuery, response: { 200: ClientList, ...errors } } },
    async (request) => {
      requireRole(request, 'admin');
      const found = await partners.listClients(db, request.query.q);
      return audited(
        db,
        request,
        'clients.searched',
        found,
        { clients: found.clients.map((c) => c.clientId) },
        { query: request.query.q ?? null },
      );
    },
  );

  app.get(
    '/api/admin/clients/:id/ledger',
    {
      schema: {
        tags: opsTags,
        summary: "A client's coverage, ledger and invoices",
        params: IdParams,
        response: { 200: ClientLedger, ...errors },
      },
    },
    (request) => partners.clientLedger(admin(request), request.params.id),
  );
}
