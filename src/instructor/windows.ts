/**
 * Instructor windows: presenter, print and class-results routes. Opened as a page of their own
 * (a projector window, a PDF print, a results file), they start no LMS session: an audience
 * window opened from a course an LMS launched would otherwise find the LMS's API through
 * window.opener and write to the learner's record.
 */
export function isInstructorWindow(hash: string): boolean {
  return /^#\/(present|print|instructor)(\/|\?|$)/.test(hash);
}
