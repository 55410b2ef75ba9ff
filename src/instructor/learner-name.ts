/**
 * The learner's name as it should read on a certificate. SCORM 1.2 LMSs write
 * cmi.core.student_name as "Last, First"; a single comma is turned round to "First Last".
 */
export function displayName(lmsName: string | null): string {
  const name = (lmsName ?? '').trim();
  const parts = name.split(',');
  if (parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()) return `${parts[1]!.trim()} ${parts[0]!.trim()}`;
  return name;
}
