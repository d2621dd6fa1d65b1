import type { IntakeDraft, IntakeField } from '../intakeDraft.ts';

/** What every step's fields receive from the wizard. */
export type IntakeStepProps = {
  draft: IntakeDraft;
  update: (change: Partial<IntakeDraft>) => void;
  errorFor: (field: IntakeField) => string | undefined;
};
