/**
 * The preview LMS page (`npm start`): launches the course in a frame with scorm-again as the LMS,
 * shows every API call and the CMI values as they change, and keeps each version's record in
 * localStorage so that leaving and coming back resumes as in a real LMS.
 */
import { hostLms, type CallRecord, type CmiRecord, type HostedLms, type LmsMode, type LmsVersion } from './lms-host.ts';
import './preview.css';

const STORE = 'preview-lms:v1';
const COURSE_URL = new URL('../index.html', location.href).href;

interface Saved {
  settings: { version: LmsVersion; mode: LmsMode; credit: boolean; learnerName: string; learnerId: string; noApi: boolean; setValueFails: boolean; commitFails: boolean; slow: boolean };
  /** The learner's record per version and learner id, as the LMS keeps it between launches. */
  records: Record<string, CmiRecord>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('controls');
const frame = $<HTMLIFrameElement>('course');
const status = $<HTMLParagraphElement>('status');
const callsBody = $<HTMLTableElement>('calls').tBodies[0]!;
const cmiBody = $<HTMLTableElement>('cmi').tBodies[0]!;
const counts = $<HTMLParagraphElement>('counts');

function load(): Saved {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? 'null') as Saved | null;
    if (s && s.settings && s.records) return s;
  } catch {
    /* start afresh */
  }
  return { settings: { version: '2004', mode: 'normal', credit: true, learnerName: 'Ramírez, Ana', learnerId: 'learner-1', noApi: false, setValueFails: false, commitFails: false, slow: false }, records: {} };
}
const saved = load();
const persist = () => localStorage.setItem(STORE, JSON.stringify(saved));

function readForm(): Saved['settings'] {
  const f = new FormData(form);
  return {
    version: f.get('version') === '1.2' ? '1.2' : '2004',
    mode: (['normal', 'browse', 'review'].includes(String(f.get('mode'))) ? f.get('mode') : 'normal') as LmsMode,
    credit: f.get('credit') === 'on',
    learnerName: String(f.get('learnerName') ?? ''),
    learnerId: String(f.get('learnerId') ?? '') || 'learner-1',
    noApi: f.get('noApi') === 'on',
    setValueFails: f.get('setValueFails') === 'on',
    commitFails: f.get('commitFails') === 'on',
    slow: f.get('slow') === 'on',
  };
}

function writeForm(s: Saved['settings']) {
  ($<HTMLSelectElement>('version')).value = s.version;
  ($<HTMLSelectElement>('mode')).value = s.mode;
  ($<HTMLInputElement>('credit')).checked = s.credit;
  ($<HTMLInputElement>('learner-name')).value = s.learnerName;
  ($<HTMLInputElement>('learner-id')).value = s.learnerId;
  ($<HTMLInputElement>('no-api')).checked = s.noApi;
  ($<HTMLInputElement>('set-fails')).checked = s.setValueFails;
  ($<HTMLInputElement>('commit-fails')).checked = s.commitFails;
  ($<HTMLInputElement>('slow')).checked = s.slow;
}

const recordKey = (s: Saved['settings']) => `${s.version}:${s.learnerId}`;
let lms: HostedLms | null = null;

function renderCmi() {
  const rows = Object.entries(lms?.cmi() ?? {});
  cmiBody.replaceChildren(
    ...rows.map(([k, v]) => {
      const tr = document.createElement('tr');
      for (const text of [k, v]) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      return tr;
    }),
  );
}

function renderCounts() {
  const calls = lms?.calls ?? [];
  const n = (re: RegExp) => calls.filter((c) => re.test(c.fn)).length;
  counts.textContent = lms ? `${n(/SetValue$/)} SetValue, ${n(/Commit$/)} Commit, ${n(/GetValue$/)} GetValue calls this launch` : 'No API: the course keeps progress in its own browser storage.';
}

function addCall(c: CallRecord, i: number) {
  const tr = document.createElement('tr');
  if (c.result === 'false' || (c.error !== '0' && c.error !== '')) tr.className = 'failed';
  const call = `${c.fn}(${c.args.map((a) => JSON.stringify(a.length > 120 ? `${a.slice(0, 117)}...` : a)).join(', ')})`;
  for (const text of [String(i + 1), call, c.result, c.error === '0' ? '' : c.error]) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
  callsBody.append(tr);
  tr.scrollIntoView({ block: 'nearest' });
}

/** Saves the learner's record as an LMS does: after each commit and when the session ends. */
function onCall(c: CallRecord) {
  if (!lms) return;
  addCall(c, lms.calls.length - 1);
  if (/Commit$|Finish$|Terminate$/.test(c.fn) && c.result === 'true') {
    saved.records[recordKey(saved.settings)] = lms.record();
    persist();
  }
  renderCmi();
  renderCounts();
}

function launch() {
  const s = readForm();
  // Leaving the frame ends the course's session (pagehide), which saves the record.
  frame.src = 'about:blank';
  lms?.uninstall(window);
  lms = null;
  saved.settings = s;
  persist();
  callsBody.replaceChildren();
  if (!s.noApi) {
    lms = hostLms({
      version: s.version,
      launch: { mode: s.mode, credit: s.credit, learnerId: s.learnerId, learnerName: s.learnerName },
      previous: saved.records[recordKey(s)] ?? null,
      faults: { setValueFails: s.setValueFails, commitFails: s.commitFails, slowMs: s.slow ? 400 : 0 },
      onCall,
    });
    lms.install(window);
  }
  renderCmi();
  renderCounts();
  frame.src = COURSE_URL;
  status.textContent = s.noApi ? 'Launched with no LMS API.' : `Launched as SCORM ${s.version}, ${s.mode} mode, ${s.credit ? 'credit' : 'no credit'}, for ${s.learnerId}.`;
}

// Fault switches act at once, without a relaunch.
for (const id of ['set-fails', 'commit-fails', 'slow']) {
  $<HTMLInputElement>(id).addEventListener('change', () => {
    const s = readForm();
    if (lms) Object.assign(lms.faults, { setValueFails: s.setValueFails, commitFails: s.commitFails, slowMs: s.slow ? 400 : 0 });
    saved.settings = s;
    persist();
    status.textContent = `Faults now: ${[s.setValueFails && 'SetValue fails', s.commitFails && 'Commit fails', s.slow && 'slow LMS'].filter(Boolean).join(', ') || 'none'}.`;
  });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  launch();
});

$<HTMLButtonElement>('new-learner').addEventListener('click', () => {
  frame.src = 'about:blank';
  const s = readForm();
  delete saved.records[recordKey(s)];
  // The course's own browser copies of this learner (unsaved values, standalone progress).
  for (const key of Object.keys(localStorage)) if (key.startsWith('mx-a20:')) localStorage.removeItem(key);
  persist();
  lms?.uninstall(window);
  lms = null;
  launch();
  status.textContent = `New learner ${s.learnerId}: the record was cleared and the course starts afresh.`;
});

writeForm(saved.settings);
launch();
