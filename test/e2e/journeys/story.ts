/**
 * The people and the words of the journeys. Every content string is distinctive, so that the staff
 * journey can look for each of them in what the staff page received and find none.
 */

export const COORDINATOR = { id: 'awhitfield', name: 'Angela Whitfield' };
export const MENTOR = { id: 'mdelgado', name: 'Marcus Delgado' };
export const MENTEE = { id: 'hkowalski', name: 'Hannah Kowalski' };
/** A partnership formed by choice: Jamal invites Priya to mentor him, and she accepts. */
export const INVITER = { id: 'jwashington', name: 'Jamal Washington' };
export const INVITEE = { id: 'praman', name: 'Priya Raman' };

export const TEXT = {
  partnershipPurpose: 'Support Hannah through her first year as assistant principal at Lincoln',
  invitationPurpose: 'Learn how to grow a leadership team in a small elementary school',
  goal: 'Run staff meetings where teachers do most of the talking',
  goalWhy: 'My staff wait for me to decide and I want them to own the solutions they find',
  goalSuccess: 'By spring two teacher leaders plan and chair the monthly staff meeting',
  action: 'Open the Thursday staff meeting with one open question and wait for answers',
  /** Clipped into the goal. */
  passage: 'Mentor and mentee compose the conversation together as it unfolds',
  passageNote: 'This is how our staff meetings should feel to teachers',
  passageTags: 'improvisation, staff meetings',
  /** Clipped as a new reflection prompt. */
  promptPassage: 'a generative leader recognizes and taps the collective intelligence',
  promptQuestion: 'Where do I already tap the collective intelligence of my staff',
  promptResponse: 'In the literacy team, where I let the teachers set the agenda for the spring term',
  agendaTopic: 'A difficult conversation with a parent about the new bell schedule',
  mentorQuestion: 'What would co-creating the next staff meeting with two teachers look like',
  sharedNote: 'Hannah will try a protocol where she speaks last in the staff meeting',
  privateNote: 'She sounded tired today and I should ask about her workload next time',
  commitment: 'Plan the October staff meeting together with two teacher leaders',
};

/** Every string that is the partnerships' content: never in a staff page or a staff API answer. */
export const CONTENT_STRINGS: string[] = [
  ...Object.values(TEXT).flatMap((t) => (t === TEXT.passageTags ? t.split(', ') : [t])),
  // The clipped reading's title and address are the clip's content too.
  'Coaching as Improvisation',
  '/readings/',
];
