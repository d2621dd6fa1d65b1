import { AmendmentInput, ApiError, NoteView, ProgressNoteDraft, PsychotherapyNoteInput } from '@haven/contract';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { Http } from '../../platform/http/server.ts';
import { requireCaller } from '../identity/identity.policy.ts';
import * as notes from './notes.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const SessionParams = z.strictObject({ id: z.uuid({ error: 'That session id is not valid.' }) });

/** A live session's notes, for its provider only (PRODUCT §2.5). */
export function registerNotes(app: Http, context: AppContext): void {
  const provider = (request: FastifyRequest) => requireCaller(context, request, 'provider');
  const tags = ['notes'];
  const params = SessionParams;

  app.get(
    '/api/provider/sessions/:id/note',
    {
      schema: {
        tags,
        summary: "A session's progress note, amendments and your psychotherapy note",
        params,
        response: { 200: NoteView, ...errors },
      },
    },
    (request) => notes.noteView(provider(request), request.params.id),
  );

  app.put(
    '/api/provider/sessions/:id/note',
    {
      schema: {
        tags,
        summary: 'Save the progress note as a draft (refused once signed)',
        params,
        body: ProgressNoteDraft,
        response: { 200: NoteView, ...errors },
      },
    },
    (request) => notes.saveDraft(provider(request), request.params.id, request.body),
  );

  app.post(
    '/api/provider/sessions/:id/note/sign',
    {
      schema: {
        tags,
        summary: 'Save and sign the progress note; it is locked afterwards',
        params,
        body: ProgressNoteDraft,
        response: { 200: NoteView, ...errors },
      },
    },
    (request) => notes.signNote(provider(request), request.params.id, request.body),
  );

  app.post(
    '/api/provider/sessions/:id/note/amendments',
    {
      schema: {
        tags,
        summary: 'Add a signed amendment to a signed progress note',
        params,
        body: AmendmentInput,
        response: { 200: NoteView, ...errors },
      },
    },
    (request) => notes.addAmendment(provider(request), request.params.id, request.body),
  );

  app.put(
    '/api/provider/sessions/:id/psychotherapy-note',
    {
      schema: {
        tags,
        summary: 'Save your psychotherapy note: private to you, never part of the record',
        params,
        body: PsychotherapyNoteInput,
        response: { 200: NoteView, ...errors },
      },
    },
    (request) => notes.savePsychotherapyNote(provider(request), request.params.id, request.body),
  );
}
