import type { ProgramRole } from '@mentoring/shared';

/** Who is calling: a person in one program, through a launch or a connected browser. */
export interface Principal {
  personId: string;
  programId: string;
  programRole: ProgramRole;
  via: 'launch' | 'extension';
  /** The browser connection, when the call comes from the extension. */
  connectionId?: string;
}
